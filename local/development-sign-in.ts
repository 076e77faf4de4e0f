/**
 * The development sign-in of `npm start`: the web app asks for a token of a role, as it would get one
 * from the identity provider, signed with the local HS256 secret. Refused when the API verifies
 * tokens against an identity provider (JWT_JWKS_URL).
 */
import { z } from "zod";
import { tokenRoles } from "../functions/auth/caller";
import { issueToken } from "../functions/auth/tokens";
import { authSettingsFromEnv } from "../functions/config";

const signInRequest = z.object({ role: z.enum(tokenRoles), actor: z.string().min(1).max(100).optional() });

/** A coordinator of the 92 and the operator of L'Escale's shelters unless told otherwise, as `npm run token` offers. */
const defaultClaims: Partial<Record<(typeof tokenRoles)[number], { departement?: string; actor?: string }>> = {
  COORDINATOR: { departement: "92" },
  SHELTER_OPERATOR: { actor: "lescale" },
};

export async function developmentToken(body: string): Promise<{ status: number; body: unknown }> {
  const settings = authSettingsFromEnv();
  if (!("secret" in settings)) return { status: 404, body: { error: "Tokens come from the identity provider here." } };
  const parsed = signInRequest.safeParse(safeJson(body));
  if (!parsed.success) return { status: 400, body: { error: `Give a role among ${tokenRoles.join(", ")}.` } };
  const { role, actor } = parsed.data;
  const claims = { sub: `local-${role.toLowerCase()}`, role, ...defaultClaims[role], ...(actor ? { actor } : {}) };
  const token = await issueToken({ claims: claims as never, secret: settings.secret, audience: settings.audience, issuer: settings.issuer, expiresIn: "8h" });
  return { status: 200, body: { token, ...claims } };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
