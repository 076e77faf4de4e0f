/**
 * A local S3-compatible server (s3rver) with the buckets the functions use, so that imports and
 * exports run locally against real S3 calls. Objects are kept as files under its directory.
 */
import { connect } from "node:net";
import { join } from "node:path";
import S3rver from "s3rver";

export const localBuckets = {
  imports: process.env.IMPORTS_BUCKET ?? "parcours-imports",
  exports: process.env.EXPORTS_BUCKET ?? "parcours-exports",
};

/** s3rver accepts any credentials; the SDK still wants some. */
export const localS3Credentials = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "eu-west-3" };

/** The developer's S3 server: port S3_PORT (4568), files in .data/s3-<port>. */
export function localS3Port(): number {
  return Number(process.env.S3_PORT ?? 4568);
}

export function localS3Dir(port: number): string {
  return join(import.meta.dirname, "..", ".data", `s3-${port}`);
}

export interface LocalS3 {
  endpoint: string;
  close: () => Promise<void>;
}

/** Port 0 lets the system choose a free one: the endpoint tells which. */
export async function startS3Server(port: number, directory: string): Promise<LocalS3> {
  const server = new S3rver({
    port,
    address: "127.0.0.1",
    directory,
    silent: true,
    configureBuckets: Object.values(localBuckets).map((name) => ({ name, configs: [] })),
  });
  const { port: listening } = await server.run();
  return { endpoint: `http://127.0.0.1:${listening}`, close: () => server.close() };
}

/** The server of `npm start` when it runs (its port answers), else one of our own, closed by the caller. */
export async function startOrReuseS3Server(port: number, directory: string): Promise<LocalS3> {
  const answering = await new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const answer = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.once("connect", () => answer(true)).once("error", () => answer(false));
    socket.setTimeout(1_000, () => answer(false));
  });
  if (answering) return { endpoint: `http://127.0.0.1:${port}`, close: async () => undefined };
  return startS3Server(port, directory);
}

/** The environment the import and export functions read, pointed at the local server. */
export function localS3Env(endpoint: string): Record<string, string> {
  return { S3_ENDPOINT: endpoint, IMPORTS_BUCKET: localBuckets.imports, EXPORTS_BUCKET: localBuckets.exports, ...localS3Credentials };
}
