/** The GraphQL API: one HTTP API route to functions/handlers/graphql.handler. */
import { authEnvironment } from "./auth";
import { apiEnvironment, builtFunction, corsEnvironment, neo4jEnvironment } from "./settings";

// CORS is the handler's (functions/api/cors.ts), from the stage's allowlist, so that preflights reach the
// function and `npm start` answers them as a deployed stage does.
export const api = new sst.aws.ApiGatewayV2("Api", { cors: false });

api.route("ANY /graphql", {
  ...builtFunction("graphql"),
  // Lambda gives a function CPU in proportion to its memory, one full vCPU from 1769 MB: the cold
  // start (module loading and @neo4j/graphql's schema build, about 0.5 s of CPU) needs all of it.
  memory: "1769 MB",
  timeout: "29 seconds",
  environment: { ...neo4jEnvironment, ...apiEnvironment, ...authEnvironment, ...corsEnvironment },
});
