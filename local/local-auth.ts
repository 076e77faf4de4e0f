/**
 * The HS256 secret of a developer machine, used by `npm start` and `npm run token` when JWT_SECRET is
 * not set. Only local/ uses it: the deployed API requires JWT_SECRET or JWT_JWKS_URL (stacks/).
 */
export const developmentSecret = "parcours-local-development-secret-not-for-deployment";

export function withLocalAuthDefaults(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env.JWT_SECRET || env.JWT_JWKS_URL ? env : { ...env, JWT_SECRET: developmentSecret };
}
