/**
 * What every Parcours function shares, and what differs by stage: production turns introspection
 * off and masks unexpected errors; other stages show their message (never a stack) to developers.
 */
import { compileCacheEnvironment } from "../local/compile-cache";
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

/**
 * Each function is deployed as `npm run build` left it in dist/<name>/ (so run the build before
 * `sst deploy`): the bundle and the V8 code cache of its modules, which Node reads through the
 * compile-cache variables. Node only accepts a cache made by the same Node version on the same
 * architecture, so the functions run the project's Node line on the build machines' x86-64 (README,
 * Deploy); another runtime version ignores the cache and compiles as usual.
 */
export function builtFunction(name: "graphql" | "import" | "export") {
  return {
    bundle: `dist/${name}`,
    handler: "index.handler",
    runtime: "nodejs24.x",
    architecture: "x86_64",
    logging: { format: "json", retention: production ? "1 year" : "1 month" },
  } as const;
}

/** Every function's environment beside its own settings: where its code cache is in /var/task. */
export const runtimeEnvironment = compileCacheEnvironment("/var/task");
