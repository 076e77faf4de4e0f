/** Tokens as the identity provider would issue them, signed with the tests' HS256 secret. */
import { issueToken } from "../../functions/auth/tokens";
import type { Claims, Role } from "../../functions/auth/caller";

export const testAuthEnv = {
  JWT_SECRET: "parcours-tests-secret-at-least-32-characters",
  JWT_AUDIENCE: "parcours-api",
  JWT_ISSUER: "parcours-tests",
};

type TokenRole = Exclude<Role, "PUBLIC">;

export function tokenFor(role: TokenRole, claims: Partial<Claims> = {}, expiresIn = "10m"): Promise<string> {
  const defaults: Partial<Claims> = role === "COORDINATOR" ? { departement: "92" } : role === "SHELTER_OPERATOR" ? { actor: "lescale" } : {};
  return issueToken({
    claims: { sub: `test-${role.toLowerCase()}`, role, ...defaults, ...claims },
    secret: testAuthEnv.JWT_SECRET,
    audience: testAuthEnv.JWT_AUDIENCE,
    issuer: testAuthEnv.JWT_ISSUER,
    expiresIn,
  });
}

/** One token per role, PUBLIC being no token at all. */
export async function tokensByRole(): Promise<Record<Role, string | undefined>> {
  return {
    PUBLIC: undefined,
    PARTNER_APP: await tokenFor("PARTNER_APP"),
    FRONTLINE: await tokenFor("FRONTLINE"),
    COORDINATOR: await tokenFor("COORDINATOR"),
    SHELTER_OPERATOR: await tokenFor("SHELTER_OPERATOR"),
    ADMIN: await tokenFor("ADMIN"),
  };
}
