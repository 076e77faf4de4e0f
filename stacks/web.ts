/**
 * The Orientation web app (web/): the production build (`npm run web:build`, without the development
 * sign-in) on S3 behind CloudFront. It calls the stage's API at VITE_API_URL; that origin must be in
 * the stage's CorsAllowedOrigins secret (stacks/settings.ts) for the browser to be let through.
 *
 * Professionals sign in at the identity provider that issues the API's tokens (stacks/auth.ts): the
 * app is a public client there (authorization code + PKCE, no secret) whose redirect URI is
 * `<site>/sign-in-return.html`, and the provider puts `role` (and `departement` or `actor`) in the
 * ID token and the access token. Set `OidcWebClientId` (and `OidcScope`, `OidcResource` when the
 * provider needs them) with `sst secret set … --stage production`; other stages, whose API trusts
 * their own HS256 tokens, offer no sign-in.
 */
import { identityProviderIssuer } from "./auth";
import { edge } from "./edge";

const identityProvider = identityProviderIssuer
  ? {
      VITE_OIDC_ISSUER: identityProviderIssuer.value,
      VITE_OIDC_CLIENT_ID: new sst.Secret("OidcWebClientId").value,
      VITE_OIDC_SCOPE: new sst.Secret("OidcScope", "openid").value,
      VITE_OIDC_RESOURCE: new sst.Secret("OidcResource", "").value,
    }
  : {};

export const web = new sst.aws.StaticSite("Web", {
  path: ".",
  build: { command: "npm run web:build", output: "web/dist" },
  // The API as callers reach it: through the edge and its rate limits (stacks/edge.ts).
  environment: { VITE_API_URL: $interpolate`https://${edge.domainName}/graphql`, ...identityProvider },
});
