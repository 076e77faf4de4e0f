/**
 * `npm run token -- <ROLE> [--departement 92] [--actor lescale] [--subject alice] [--expires 8h]`:
 * prints a bearer token signed with the local HS256 secret (JWT_SECRET, or the development one that
 * `npm start` uses), to try the API under each role.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { tokenRoles } from "../functions/auth/caller";
import { issueToken } from "../functions/auth/tokens";
import { authSettingsFromEnv } from "../functions/config";
import { withLocalAuthDefaults } from "./local-auth";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { departement: { type: "string" }, actor: { type: "string" }, subject: { type: "string" }, expires: { type: "string", default: "8h" } },
});
const role = positionals[0]?.toUpperCase();
if (!role || !(tokenRoles as readonly string[]).includes(role)) {
  console.error(`Usage: npm run token -- <${tokenRoles.join("|")}> [--departement 92] [--actor lescale] [--subject name] [--expires 8h]`);
  console.error("PUBLIC needs no token: call the API without an Authorization header.");
  process.exit(1);
}
const settings = authSettingsFromEnv(withLocalAuthDefaults(process.env));
if (!("secret" in settings)) {
  console.error("JWT_JWKS_URL is set: tokens come from the identity provider, not from this command.");
  process.exit(1);
}
try {
  const claims = {
    sub: values.subject ?? `local-${role.toLowerCase()}`,
    role,
    ...(values.departement ? { departement: values.departement } : {}),
    ...(values.actor ? { actor: values.actor } : {}),
  };
  console.log(await issueToken({ claims: claims as never, secret: settings.secret, audience: settings.audience, issuer: settings.issuer, expiresIn: values.expires }));
} catch (error) {
  console.error(error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error));
  process.exit(1);
}
