/** The local server of `npm start` (local/server.ts), on a free port, for tests that speak real HTTP. */
import { createServer } from "node:net";

export async function startLocalApi(): Promise<string> {
  const { serveLocally } = await import("../../local/server");
  return serveLocally(await freePort());
}

/** A port nothing listens on now, for a server the test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
