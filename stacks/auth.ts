/**
 * How the API verifies bearer tokens, per stage (README, "Roles and access"). Production trusts the
 * identity provider's JWKS and issuer; other stages verify HS256 tokens signed with their own secret
 * (`npm run token` with that secret and issuer). Set with `sst secret set <Name> <value> --stage <stage>`.
 */
const production = $app.stage === "production";

export const authEnvironment = production
  ? {
      JWT_JWKS_URL: new sst.Secret("JwtJwksUrl").value,
      JWT_ISSUER: new sst.Secret("JwtIssuer").value,
      JWT_AUDIENCE: "parcours-api",
    }
  : {
      JWT_SECRET: new sst.Secret("JwtSecret").value,
      JWT_ISSUER: `parcours-${$app.stage}`,
      JWT_AUDIENCE: "parcours-api",
    };
