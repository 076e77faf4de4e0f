/**
 * What every Parcours function shares, and what differs by stage: production turns introspection
 * off and masks unexpected errors; other stages show their message (never a stack) to developers.
 */
import { secrets } from "./secrets";

export const production = $app.stage === "production";

export const neo4jEnvironment = {
  NEO4J_URI: secrets.neo4jUri.value,
  NEO4J_USER: secrets.neo4jUser.value,
  NEO4J_PASSWORD: secrets.neo4jPassword.value,
};

export const apiEnvironment = {
  GRAPHQL_INTROSPECTION: production ? "false" : "true",
  GRAPHQL_MASK_ERRORS: production ? "true" : "false",
  // "registered" limits callers without a token to the registered operations, the web app's included
  // (functions/api/operation-allowlist.ts); other stages let developers try any query.
  ANONYMOUS_OPERATIONS: production ? "registered" : "any",
};

/**
 * The secret header CloudFront adds in front of the API (stacks/edge.ts); the handler refuses requests
 * without it. `sst secret set EdgeSecret <long random string> --stage production`.
 */
export const edgeSecret = new sst.Secret("EdgeSecret", production ? undefined : `parcours-${$app.stage}-edge`).value;

/**
 * The browser origins allowed to call the API (functions/api/cors.ts), a comma-separated allowlist per
 * stage: `sst secret set CorsAllowedOrigins https://app.partner.example,https://… --stage <stage>`.
 * Production has no default, so a deploy fails until its partners' origins are listed; other stages
 * allow a developer's localhost on any port.
 */
export const corsEnvironment = {
  CORS_ALLOWED_ORIGINS: new sst.Secret("CorsAllowedOrigins", production ? undefined : "http://localhost:*,http://127.0.0.1:*").value,
};

/**
 * Each function is deployed as `npm run build` left it in dist/<name>/ (so run the build before
 * `sst deploy`): the bundle that was measured, without the code Parcours never runs, rather than a
 * second bundling by SST. ESM for Node 24 on Graviton.
 */
export function builtFunction(name: "graphql" | "import" | "export" | "route-digests") {
  return {
    bundle: `dist/${name}`,
    handler: "index.handler",
    runtime: "nodejs24.x",
    architecture: "arm64",
    logging: { format: "json", retention: production ? "1 year" : "1 month" },
  } as const;
}
