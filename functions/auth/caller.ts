/**
 * Who is calling: the role a verified token grants, or PUBLIC without a token. The claims are
 * checked here once, so every rule downstream (the @authorization rules in schema/, the custom
 * checks in functions/auth/authorization.ts, the audit trail) reads the same well-formed caller.
 */
import { z } from "zod";

export const roles = ["PUBLIC", "PARTNER_APP", "FRONTLINE", "COORDINATOR", "SHELTER_OPERATOR", "ADMIN"] as const;
export type Role = (typeof roles)[number];

/** Roles a token can carry: PUBLIC is the absence of a token. */
export const tokenRoles = roles.filter((role): role is Exclude<Role, "PUBLIC"> => role !== "PUBLIC");

const departement = z.string().regex(/^(?:\d{2}|2[AB]|97\d)$/, "must be a département code such as 92");
const actorId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be an actor id such as lescale");

/** The claims Parcours reads from a token, beside the standard ones (iss, aud, exp) jose checks. */
export const claimsSchema = z
  .object({
    sub: z.string().min(1).max(200),
    role: z.enum(tokenRoles),
    departement: departement.optional(),
    actor: actorId.optional(),
  })
  .superRefine((claims, ctx) => {
    if (claims.role === "COORDINATOR" && claims.departement === undefined) {
      ctx.addIssue({ code: "custom", path: ["departement"], message: "a COORDINATOR token names its département" });
    }
    if (claims.role === "SHELTER_OPERATOR" && claims.actor === undefined) {
      ctx.addIssue({ code: "custom", path: ["actor"], message: "a SHELTER_OPERATOR token names its actor id" });
    }
  });

export type Claims = z.infer<typeof claimsSchema>;

export interface Caller {
  role: Role;
  /** The token's subject; null for PUBLIC. */
  subject: string | null;
  departement: string | null;
  actor: string | null;
  /** The verified claims handed to @neo4j/graphql as `jwt`; undefined for PUBLIC. */
  claims: Claims | undefined;
}

export const publicCaller: Caller = { role: "PUBLIC", subject: null, departement: null, actor: null, claims: undefined };

export function callerOf(claims: Claims): Caller {
  return { role: claims.role, subject: claims.sub, departement: claims.departement ?? null, actor: claims.actor ?? null, claims };
}
