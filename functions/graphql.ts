/** AWS Lambda entry point for the GraphQL API (API Gateway HTTP API, payload v2). */
import { handlers, startServerAndCreateLambdaHandler } from "@as-integrations/aws-lambda";
import { apiSettingsFromEnv, neo4jSettingsFromEnv } from "./config";
import { createDriver } from "./graph/driver";
import { createGraphQLServer } from "./graphql-server";
import { asGraphQLError } from "./http-errors";

const driver = createDriver(neo4jSettingsFromEnv());
const server = await createGraphQLServer({ driver, ...apiSettingsFromEnv() });

export const handler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
  middleware: [async () => asGraphQLError],
});
