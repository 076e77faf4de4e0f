/**
 * The GraphQL API on http://localhost:<port>/graphql, served by the Lambda handler itself: each HTTP
 * request becomes the API Gateway event AWS would send, so local behaviour is production behaviour.
 * With a webRoot, the built web app is served on the same origin; with developmentSignIn, POST
 * /local/sign-in hands the web app a token for the role it names, signed with the local secret (a
 * stand-in for the identity provider that exists only on a developer machine and in the tests).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { httpApiEvent, lambdaContext } from "./http-api-event";
import { webFile } from "./web-files";
import { developmentToken } from "./development-sign-in";

const MAX_BODY_BYTES = 1024 * 1024;

export interface LocalServerOptions {
  /** The folder of the built web app (web/dist-developer); without it, only /graphql is served. */
  webRoot?: string;
  developmentSignIn?: boolean;
  /** The identity provider the web app signs professionals in with, which its pages may then call. */
  identityProviderOrigin?: string;
}

export async function serveLocally(port: number, options: LocalServerOptions = {}): Promise<string> {
  const { handler } = await import("../functions/handlers/graphql");
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const body = await readBody(request);
    if (body === undefined) {
      response.writeHead(413, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "Request body too large" }] }));
      return;
    }
    if (url.pathname === "/local/sign-in" && options.developmentSignIn && request.method === "POST") {
      const signedIn = await developmentToken(body);
      response.writeHead(signedIn.status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(signedIn.body));
      return;
    }
    if (url.pathname !== "/graphql") {
      if (options.webRoot && (request.method === "GET" || request.method === "HEAD")) {
        const file = await webFile(options.webRoot, url.pathname, options.identityProviderOrigin ? [options.identityProviderOrigin] : []);
        response.writeHead(file.status, file.headers).end(request.method === "HEAD" ? undefined : file.body);
        return;
      }
      response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: "Not found: the API is at /graphql" }] }));
      return;
    }
    const event = httpApiEvent({
      method: request.method ?? "GET",
      rawQueryString: url.search.slice(1),
      headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")])),
      body,
      sourceIp: request.socket.remoteAddress ?? "127.0.0.1",
    });
    const result = (await handler(event, lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
    response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>).end(result.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return `http://localhost:${port}/graphql`;
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
