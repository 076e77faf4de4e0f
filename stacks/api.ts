/** The GraphQL API: one HTTP API route to functions/handlers/graphql.handler. */
import { authEnvironment } from "./auth";
import { graphqlFunctionMemoryMb } from "./function-memory";
import { apiEnvironment, builtFunction, corsEnvironment, edgeSecret, neo4jEnvironment } from "./settings";

// CORS is the handler's (functions/api/cors.ts), from the stage's allowlist, so that preflights reach the
// function and `npm start` answers them as a deployed stage does.
// The stage's throttling is one bucket for all callers, sized to what one Neo4j serves (bench:routes);
// per-client limits are the edge's (stacks/edge.ts).
export const api = new sst.aws.ApiGatewayV2("Api", {
  cors: false,
  transform: {
    stage: (args) => {
      args.defaultRouteSettings = { throttlingRateLimit: 200, throttlingBurstLimit: 400 };
    },
  },
});

api.route("ANY /graphql", {
  ...builtFunction("graphql"),
  // Lambda gives a function CPU in proportion to its memory, one full vCPU from 1769 MB: the cold
  // start (module loading and @neo4j/graphql's schema build, about 0.5 s of CPU) needs all of it.
  // Its Node.js runtime also caps V8's heap from it (old generation 1593 MB, semi-spaces of 88 MB by the
  // nodejs18.x bootstrap's formula, which nodejs24.x's may have changed: local/lambda-heap.ts), which
  // keeps the heap within 2× what a request leaves alive; no NODE_OPTIONS: bench:soak runs the API
  // with the same limits (local/lambda-heap.ts), resident memory flat after its warm-up.
  memory: `${graphqlFunctionMemoryMb} MB`,
  timeout: "29 seconds",
  environment: { ...neo4jEnvironment, ...apiEnvironment, ...authEnvironment, ...corsEnvironment, EDGE_SECRET: edgeSecret },
});
