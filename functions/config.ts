/** Configuration from the environment; a missing value fails at start with the variable's name. */
export function requiredEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value === "") {
    throw new Error(`Missing environment variable ${name}`);
  }
  return value;
}

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
}

export function neo4jSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jSettings {
  return { uri: requiredEnv("NEO4J_URI", env), user: requiredEnv("NEO4J_USER", env), password: requiredEnv("NEO4J_PASSWORD", env) };
}

/** How bearer tokens are checked: an HS256 secret (local, tests) or the identity provider's JWKS (production). */
export type AuthSettings = { audience: string; issuer: string } & ({ secret: string } | { jwksUrl: string });

export const defaultAudience = "parcours-api";
export const localIssuer = "parcours-local";

export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const audience = env.JWT_AUDIENCE || defaultAudience;
  if (env.JWT_JWKS_URL) {
    return { audience, issuer: requiredEnv("JWT_ISSUER", env), jwksUrl: env.JWT_JWKS_URL };
  }
  const secret = env.JWT_SECRET;
  if (!secret) throw new Error("Missing environment variable JWT_JWKS_URL (production) or JWT_SECRET (local HS256 tokens)");
  if (secret.length < 32) throw new Error("JWT_SECRET must be at least 32 characters long");
  return { audience, issuer: env.JWT_ISSUER || localIssuer, secret };
}

export interface ApiSettings {
  introspection: boolean;
  auth: AuthSettings;
  /** Unexpected errors answer "Internal server error" (production); a development stage shows their message. */
  maskErrors: boolean;
  /** ANONYMOUS_OPERATIONS: "any" (default), or "registered" for the allowlist mode. */
  anonymousOperations: AnonymousOperations;
}

/** Whether callers without a token may send any query, or only registered operations (functions/api/operation-allowlist.ts). */
export type AnonymousOperations = "any" | "registered";

export function anonymousOperationsFromEnv(env: NodeJS.ProcessEnv = process.env): AnonymousOperations {
  const mode = env.ANONYMOUS_OPERATIONS || "any";
  if (mode !== "any" && mode !== "registered") throw new Error(`ANONYMOUS_OPERATIONS must be "any" or "registered", not "${mode}"`);
  return mode;
}

export function apiSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ApiSettings {
  return {
    introspection: env.GRAPHQL_INTROSPECTION !== "false",
    maskErrors: env.GRAPHQL_MASK_ERRORS !== "false",
    auth: authSettingsFromEnv(env),
    anonymousOperations: anonymousOperationsFromEnv(env),
  };
}
