/** AWS Lambda entry point for the GraphQL API (API Gateway HTTP API, payload v2). */
import { handlers, startServerAndCreateLambdaHandler } from "@as-integrations/aws-lambda";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Handler } from "aws-lambda";
import { createTokenVerifier } from "../auth/tokens";
import { apiSettingsFromEnv, neo4jSettingsFromEnv } from "../config";
import { allowOrigin, answerPreflight, corsSettingsFromEnv } from "../api/cors";
import { createDriver } from "../graph/driver";
import { contextOf } from "../api/graphql-context";
import { createGraphQLServer } from "../api/graphql-server";
import { asGraphQLError, refuseOversizedBody, requestErrorsAsOkForJsonClients } from "../api/http-errors";
import { cachePublicRead } from "../api/public-read-cache";
import { edgeSecretFromEnv, refuseBypassOfEdge } from "../api/edge-origin";

const settings = apiSettingsFromEnv();
const cors = corsSettingsFromEnv();
const edgeSecret = edgeSecretFromEnv();
const verifyToken = createTokenVerifier(settings.auth);
const driver = createDriver(neo4jSettingsFromEnv());
const server = await createGraphQLServer({
  driver,
  introspection: settings.introspection,
  maskErrors: settings.maskErrors,
  anonymousOperations: settings.anonymousOperations,
});

const answerGraphQL = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
  context: async ({ event }) => contextOf(await verifyToken(event.headers.authorization)),
  middleware: [refuseOversizedBody, async () => asGraphQLError],
});

/** The HTTP behaviour around GraphQL: the edge's rate limits not bypassed, CORS preflights, status codes per content type, caching of public reads. */
export const handler: Handler<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> = async (event, context) => {
  const bypass = refuseBypassOfEdge(event, edgeSecret);
  if (bypass) return bypass;
  const preflight = answerPreflight(event, cors);
  if (preflight) return preflight;
  const result = (await answerGraphQL(event, context, () => undefined)) as APIGatewayProxyStructuredResultV2;
  return allowOrigin(event, cachePublicRead(event, requestErrorsAsOkForJsonClients(result)), cors);
};
