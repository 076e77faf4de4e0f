/** The local server of `npm start` (local/server.ts), on a free port, for tests that speak real HTTP. */
import { freePort } from "../../local/free-port";

export async function startLocalApi(): Promise<string> {
  const { serveLocally } = await import("../../local/server");
  return serveLocally(await freePort());
}
