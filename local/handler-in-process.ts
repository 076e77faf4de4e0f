/**
 * The GraphQL function's handler in a benchmark's own process, as the built bundle runs it (source
 * maps off, NODE_ENV=production, set before graphql-js loads) with the local auth defaults; and a
 * local ADMIN token for the documents the benchmarks send.
 */
import { developmentSecret, withLocalAuthDefaults } from "./local-auth";

export async function loadGraphqlHandler() {
  process.setSourceMapsEnabled(false);
  process.env.NODE_ENV = "production";
  Object.assign(process.env, withLocalAuthDefaults(process.env));
  return (await import("../functions/handlers/graphql")).handler;
}

/** A bearer token for an ADMIN named `sub`, signed as the handler of this process checks it. */
export async function localAdminToken(sub: string): Promise<string> {
  const [{ issueToken }, { authSettingsFromEnv }] = await Promise.all([import("../functions/auth/tokens"), import("../functions/config")]);
  const settings = authSettingsFromEnv(withLocalAuthDefaults(process.env));
  return issueToken({
    claims: { sub, role: "ADMIN" },
    secret: "secret" in settings ? settings.secret : developmentSecret,
    audience: settings.audience,
    issuer: settings.issuer,
    expiresIn: "1h",
  });
}
