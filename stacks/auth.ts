/**
 * How the API verifies bearer tokens, per stage (README, "Roles and access"). Production trusts the
 * identity provider's JWKS and issuer, where the web app also signs professionals in (stacks/web.ts);
 * other stages verify HS256 tokens signed with their own secret (`npm run token` with that secret and
 * issuer). Set with `sst secret set <Name> <value> --stage <stage>`.
 */
const production = $app.stage === "production";

/** The identity provider's issuer URL (production only). */
export const identityProviderIssuer = production ? new sst.Secret("JwtIssuer") : undefined;

export const authEnvironment = identityProviderIssuer
  ? {
      JWT_JWKS_URL: new sst.Secret("JwtJwksUrl").value,
      JWT_ISSUER: identityProviderIssuer.value,
      JWT_AUDIENCE: "parcours-api",
    }
  : {
      JWT_SECRET: new sst.Secret("JwtSecret").value,
      JWT_ISSUER: `parcours-${$app.stage}`,
      JWT_AUDIENCE: "parcours-api",
    };
