/**
 * Bearer tokens, verified with jose: an HS256 secret for local use and tests, or the identity
 * provider's JWKS in production. Audience, issuer and expiry are always checked.
 */
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from "jose";
import type { AuthSettings } from "../config";
import { Unauthenticated } from "../errors";
import { callerOf, claimsSchema, publicCaller, type Caller, type Claims } from "./caller";

export type TokenVerifier = (authorizationHeader: string | undefined) => Promise<Caller>;

export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey = "jwksUrl" in settings ? createRemoteJWKSet(new URL(settings.jwksUrl)) : secretKey(settings.secret);
  const algorithms = "jwksUrl" in settings ? ["RS256", "ES256", "PS256", "EdDSA"] : ["HS256"];
  return async (authorizationHeader) => {
    if (authorizationHeader === undefined || authorizationHeader.trim() === "") return publicCaller;
    const match = /^Bearer\s+(\S+)$/i.exec(authorizationHeader.trim());
    if (!match) throw new Unauthenticated('the Authorization header must be "Bearer <token>"');
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(match[1]!, key as JWTVerifyGetKey, {
        audience: settings.audience,
        issuer: settings.issuer,
        algorithms,
        requiredClaims: ["exp", "sub"],
      }));
    } catch (error) {
      throw new Unauthenticated(reasonOf(error));
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      const issue = claims.error.issues[0];
      throw new Unauthenticated(`the token's claims are not valid: ${issue?.path.join(".") || "token"} ${issue?.message ?? ""}`.trim());
    }
    return callerOf(claims.data);
  };
}

export interface TokenRequest {
  claims: Claims;
  secret: string;
  audience: string;
  issuer: string;
  expiresIn?: string;
}

/** Signs an HS256 token: for `npm run token` and the tests, never used by the API itself. */
export function issueToken({ claims, secret, audience, issuer, expiresIn = "8h" }: TokenRequest): Promise<string> {
  const { sub, ...rest } = claimsSchema.parse(claims);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setAudience(audience)
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secretKey(secret));
}

function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A reason a client can act on, without echoing the token. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "the token has expired";
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not accepted (${error.reason})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the token's signature does not match";
  if (error instanceof errors.JOSEAlgNotAllowed) return "the token is signed with an algorithm this API does not accept";
  if (error instanceof errors.JWKSNoMatchingKey) return "no key of the identity provider matches the token";
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSENotSupported) return "the token cannot be verified";
  return "the token is malformed";
}

