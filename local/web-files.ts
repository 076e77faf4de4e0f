/**
 * The built web app (web/, `npm run web:build`) as the local server serves it next to /graphql:
 * files by path, and index.html for the app's own pages, with the headers a victim-facing page needs
 * (nothing cached, no referrer, nothing loaded from another origin).
 */
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** The headers of every file; `connectOrigins` are the other origins the app may call (the identity provider's). */
export function webSecurityHeaders(connectOrigins: string[] = []): Record<string, string> {
  const connect = ["'self'", ...connectOrigins].join(" ");
  return {
    "content-security-policy": `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${connect}; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "permissions-policy": "geolocation=(), camera=(), microphone=()",
  };
}

export interface WebFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export async function webFile(webRoot: string, pathname: string, connectOrigins: string[] = []): Promise<WebFile> {
  const root = resolve(webRoot);
  const requested = resolve(join(root, normalize(decodeURIComponent(pathname))));
  const isAsset = extname(pathname) !== "";
  const file = isAsset && requested.startsWith(`${root}/`) && (await isFile(requested)) ? requested : join(root, "index.html");
  if (isAsset && file !== requested) {
    return { status: 404, headers: { "content-type": "text/plain; charset=utf-8", ...webSecurityHeaders(connectOrigins) }, body: Buffer.from("Not found") };
  }
  const immutable = file.includes(`${root}/assets/`);
  return {
    status: 200,
    headers: {
      "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-store",
      ...webSecurityHeaders(connectOrigins),
    },
    body: await readFile(file),
  };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
