/**
 * The Orientation web app (web/): the production build (`npm run web:build`, without the development
 * sign-in) on S3 behind CloudFront. It calls the stage's API at VITE_API_URL; that origin must be in
 * the stage's CorsAllowedOrigins secret (stacks/settings.ts) for the browser to be let through.
 */
import { api } from "./api";

export const web = new sst.aws.StaticSite("Web", {
  path: ".",
  build: { command: "npm run web:build", output: "web/dist" },
  environment: { VITE_API_URL: $interpolate`${api.url}/graphql` },
});
