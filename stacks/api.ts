/** The GraphQL API: one HTTP API route to functions/graphql.handler. */
import { authEnvironment } from "./auth";
import { apiEnvironment, functionDefaults, neo4jEnvironment } from "./settings";

export const api = new sst.aws.ApiGatewayV2("Api", {
  cors: { allowMethods: ["GET", "POST"], allowHeaders: ["content-type", "authorization", "apollo-require-preflight"] },
});

api.route("ANY /graphql", {
  ...functionDefaults,
  handler: "functions/graphql.handler",
  memory: "1024 MB",
  timeout: "29 seconds",
  environment: { ...neo4jEnvironment, ...apiEnvironment, ...authEnvironment },
});
