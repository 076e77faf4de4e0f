/** Bearer tokens: a token that fails verification is refused with 401 and a reason, never read as PUBLIC; and the production settings. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { publicCaller } from "../functions/auth/caller";
import { createTokenVerifier } from "../functions/auth/tokens";
import { authSettingsFromEnv } from "../functions/config";
import { contextOf } from "../functions/api/graphql-context";
import { createGraphQLServer } from "../functions/api/graphql-server";
import { testDriver } from "./support/graph";
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

describe("production settings", () => {
  it("verify tokens against the identity provider's JWKS, with its issuer and the API's audience", async () => {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: "provider-key", alg: "RS256", use: "sig" }] };
    const provider = createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(jwks)));
    await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
    try {
      const env = { JWT_JWKS_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/.well-known/jwks.json`, JWT_ISSUER: "https://idp.example.org/" };
      const verify = createTokenVerifier(authSettingsFromEnv(env));
      const token = (issuer: string) =>
        new SignJWT({ role: "COORDINATOR", departement: "92" })
          .setProtectedHeader({ alg: "RS256", kid: "provider-key" })
          .setSubject("coordinatrice")
          .setIssuer(issuer)
          .setAudience("parcours-api")
          .setExpirationTime("5m")
          .sign(privateKey);

      expect(await verify(`Bearer ${await token("https://idp.example.org/")}`)).toMatchObject({ role: "COORDINATOR", subject: "coordinatrice", departement: "92" });
      await expect(verify(`Bearer ${await token("https://elsewhere.example.org/")}`)).rejects.toThrow(/"iss" claim/);
      await expect(verify(`Bearer ${await signed({ sub: "a", role: "ADMIN" })}`)).rejects.toThrow(/algorithm/);
    } finally {
      provider.close();
    }
  });

  it("refuse to start without a key, with a JWKS but no issuer, or with a short secret", () => {
    expect(() => authSettingsFromEnv({})).toThrow(/JWT_JWKS_URL .* or JWT_SECRET/);
    expect(() => authSettingsFromEnv({ JWT_JWKS_URL: "https://idp.example.org/jwks" })).toThrow(/JWT_ISSUER/);
    expect(() => authSettingsFromEnv({ JWT_SECRET: "short" })).toThrow(/at least 32/);
  });

  it("with introspection off, refuse introspection and suggest no field names", async () => {
    const server = await createGraphQLServer({ driver: testDriver(), introspection: false });
    await server.start();
    try {
      const ask = async (query: string) => {
        const { body } = await server.executeOperation({ query }, { contextValue: contextOf(publicCaller) });
        return body.kind === "single" ? body.singleResult : undefined;
      };

      const introspection = await ask("{ __schema { types { name } } }");
      const typo = await ask("{ actor { id } }");

      expect(introspection?.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(introspection?.errors?.[0]?.message).toMatch(/introspection/i);
      expect(typo?.errors?.[0]?.message).not.toMatch(/did you mean/i);
    } finally {
      await server.stop();
    }
  });
});
