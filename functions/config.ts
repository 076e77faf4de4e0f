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

export interface ApiSettings {
  introspection: boolean;
  /** Unexpected errors answer "Internal server error" (production); a development stage shows their message. */
  maskErrors: boolean;
}

export function apiSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ApiSettings {
  return { introspection: env.GRAPHQL_INTROSPECTION !== "false", maskErrors: env.GRAPHQL_MASK_ERRORS !== "false" };
}
