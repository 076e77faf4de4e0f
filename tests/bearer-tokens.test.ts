/** Bearer tokens: a token that fails verification is refused with 401 and a reason, never read as PUBLIC. */
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { apiRequest, graphql, invokeGraphQL } from "./support/http-api";
import { testAuthEnv, tokenFor } from "./support/tokens";

const key = (secret = testAuthEnv.JWT_SECRET) => new TextEncoder().encode(secret);

function signed(claims: Record<string, unknown>, { secret, audience = testAuthEnv.JWT_AUDIENCE, issuer = testAuthEnv.JWT_ISSUER, expires = "5m" }: { secret?: string; audience?: string; issuer?: string; expires?: string | number } = {}) {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setAudience(audience).setIssuer(issuer).setExpirationTime(expires).sign(key(secret));
}

const withHeader = (authorization: string) =>
  invokeGraphQL(apiRequest({ body: JSON.stringify({ query: "{ __typename }" }), headers: { authorization } }));

describe("bearer tokens", () => {
  it("accept a valid token", async () => {
    const response = await graphql("{ __typename }", undefined, await tokenFor("FRONTLINE"));

    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ data: { __typename: "Query" } });
  });

  const refused: [string, () => Promise<string>, RegExp][] = [
    ["an expired token", async () => `Bearer ${await signed({ sub: "a", role: "ADMIN" }, { expires: Math.floor(Date.now() / 1000) - 60 })}`, /expired/],
    ["a token signed with another secret", async () => `Bearer ${await signed({ sub: "a", role: "ADMIN" }, { secret: "another-secret-of-at-least-32-characters!" })}`, /signature/],
    ["a token for another audience", async () => `Bearer ${await signed({ sub: "a", role: "ADMIN" }, { audience: "another-api" })}`, /"aud" claim/],
    ["a token from another issuer", async () => `Bearer ${await signed({ sub: "a", role: "ADMIN" }, { issuer: "someone-else" })}`, /"iss" claim/],
    ["a malformed token", async () => "Bearer not.a.token", /malformed/],
    ["a token that is not even base64", async () => "Bearer %%%", /malformed/],
    ["an unsigned token (alg none)", async () => `Bearer ${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"a","role":"ADMIN"}').toString("base64url")}.`, /malformed|algorithm/],
    ["a token with an unknown role", async () => `Bearer ${await signed({ sub: "a", role: "SUPERUSER" })}`, /role/],
    ["a COORDINATOR token without a département", async () => `Bearer ${await signed({ sub: "a", role: "COORDINATOR" })}`, /département/],
    ["a SHELTER_OPERATOR token without an actor", async () => `Bearer ${await signed({ sub: "a", role: "SHELTER_OPERATOR" })}`, /actor/],
    ["a token without a subject", async () => `Bearer ${await signed({ role: "ADMIN" })}`, /"sub" claim/],
    ["a Basic authorization", async () => "Basic dXNlcjpwYXNz", /Bearer <token>/],
  ];

  it.each(refused)("refuse %s with 401, UNAUTHENTICATED and the reason", async (_name, header, reason) => {
    const response = await withHeader(await header());

    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toBe('Bearer error="invalid_token"');
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED" });
    expect(response.body.errors?.[0]?.message).toMatch(/^Invalid bearer token: /);
    expect(response.body.errors?.[0]?.message).toMatch(reason);
  });
});
