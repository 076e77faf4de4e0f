/** The GraphQL API: one HTTP API route to functions/graphql.handler. */
import { authEnvironment } from "./auth";
import { secrets } from "./secrets";

const production = $app.stage === "production";

export const api = new sst.aws.ApiGatewayV2("Api", {
  cors: { allowMethods: ["GET", "POST"], allowHeaders: ["content-type", "authorization", "apollo-require-preflight"] },
});

api.route("ANY /graphql", {
  handler: "functions/graphql.handler",
  runtime: "nodejs22.x",
  architecture: "arm64",
  memory: "1024 MB",
  timeout: "29 seconds",
  environment: {
    NEO4J_URI: secrets.neo4jUri.value,
    NEO4J_USER: secrets.neo4jUser.value,
    NEO4J_PASSWORD: secrets.neo4jPassword.value,
    GRAPHQL_INTROSPECTION: production ? "false" : "true",
    ...authEnvironment,
  },
  nodejs: { format: "esm", minify: true },
});
