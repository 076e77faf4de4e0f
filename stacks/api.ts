/** The GraphQL API: one HTTP API route to functions/graphql.handler. */
import { authEnvironment } from "./auth";
import { apiEnvironment, builtFunction, neo4jEnvironment } from "./settings";

export const api = new sst.aws.ApiGatewayV2("Api", {
  cors: { allowMethods: ["GET", "POST"], allowHeaders: ["content-type", "authorization", "apollo-require-preflight"] },
});

api.route("ANY /graphql", {
  ...builtFunction("graphql"),
  // Lambda gives a function CPU in proportion to its memory, one full vCPU from 1769 MB: the cold
  // start (module loading and @neo4j/graphql's schema build, about 0.5 s of CPU) needs all of it.
  memory: "1769 MB",
  timeout: "29 seconds",
  environment: { ...neo4jEnvironment, ...apiEnvironment, ...authEnvironment },
});
