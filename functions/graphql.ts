/** AWS Lambda entry point for the GraphQL API (API Gateway HTTP API, payload v2). */
import { handlers, startServerAndCreateLambdaHandler } from "@as-integrations/aws-lambda";
import { createTokenVerifier } from "./auth/tokens";
import { apiSettingsFromEnv, neo4jSettingsFromEnv } from "./config";
import { createDriver } from "./graph/driver";
import { contextOf, createGraphQLServer } from "./graphql-server";
import { asGraphQLError, refuseOversizedBody } from "./http-errors";

const settings = apiSettingsFromEnv();
const verifyToken = createTokenVerifier(settings.auth);
const driver = createDriver(neo4jSettingsFromEnv());
const server = await createGraphQLServer({ driver, introspection: settings.introspection, maskErrors: settings.maskErrors });

export const handler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
  context: async ({ event }) => contextOf(await verifyToken(event.headers.authorization)),
  middleware: [refuseOversizedBody, async () => asGraphQLError],
});
