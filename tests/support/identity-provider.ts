/**
 * A real OpenID Connect provider for the sign-in tests (panva's oidc-provider, the certified server
 * by oauth4webapi's author), on a local port: a public client with PKCE for the web app, JWT access
 * tokens for the API's audience signed with a key published at its JWKS, and a few accounts whose
 * role, département and actor go into both the ID token and the access token. Its built-in login
 * form accepts any password.
 */
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type Configuration } from "oidc-provider";

export const testAccounts = {
  "coordinatrice-92": { role: "COORDINATOR", departement: "92" },
  "escale-hebergement": { role: "SHELTER_OPERATOR", actor: "lescale" },
  "sans-role": {},
} as const;

export interface IdentityProviderOptions {
  port: number;
  host?: string;
  clientId: string;
  redirectUri: string;
  /** The API's audience; also the resource indicator the web app sends. */
  audience: string;
}

export interface RunningIdentityProvider {
  issuer: string;
  jwksUrl: string;
  stop(): Promise<void>;
}

export async function startIdentityProvider({ port, host = "localhost", clientId, redirectUri, audience }: IdentityProviderOptions): Promise<RunningIdentityProvider> {
  const issuer = `http://${host}:${port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: "parcours-test", alg: "RS256", use: "sig" };
  const claimsOf = (accountId: string) => testAccounts[accountId as keyof typeof testAccounts];

  const configuration: Configuration = {
    clients: [{ client_id: clientId, token_endpoint_auth_method: "none", redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    jwks: { keys: [signingKey] },
    scopes: ["openid", "parcours"],
    claims: { openid: ["sub"], parcours: ["role", "departement", "actor"] },
    findAccount: async (_ctx, sub) => (claimsOf(sub) ? { accountId: sub, claims: async () => ({ sub, ...claimsOf(sub) }) } : undefined),
    // The web app is the provider's own first-party client: no consent screen.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope("openid parcours");
      grant.addOIDCClaims(["role", "departement", "actor"]);
      grant.addResourceScope(audience, "parcours");
      await grant.save();
      return grant;
    },
    extraTokenClaims: async (_ctx, token) => ("accountId" in token && typeof token.accountId === "string" ? { ...claimsOf(token.accountId) } : undefined),
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({ audience, scope: "parcours", accessTokenFormat: "jwt", jwt: { sign: { alg: "RS256" } } }),
      },
    },
    cookies: { keys: ["parcours-test-cookie-key"] },
    ttl: { AccessToken: 3600, IdToken: 3600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
  };
  const provider = new Provider(issuer, configuration);
  const server = provider.listen(port, host);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
