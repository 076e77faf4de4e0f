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
};

/** As `npm run build` bundles them: ESM for Node 22 on Graviton, minified, split at dynamic imports. */
export const functionDefaults = {
  runtime: "nodejs22.x",
  architecture: "arm64",
  nodejs: { format: "esm", minify: true, splitting: true },
  logging: { format: "json", retention: production ? "1 year" : "1 month" },
} as const;
