/**
 * Builds the web app when its build is missing or older than its sources: `npm start`, the browser
 * tests and the benchmark serve the developer build (with the development sign-in); `npm run
 * web:build` makes the production one that stacks/web.ts deploys.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const webDir = join(root, "web");
const sources = [join(webDir, "src"), join(webDir, "index.html"), join(webDir, "vite.config.ts"), join(root, "generated", "web-client")];

export type WebBuildMode = "developer" | "production";

export const webBuildDir = (mode: WebBuildMode) => join(webDir, mode === "developer" ? "dist-developer" : "dist");

export async function ensureWebBuild(mode: WebBuildMode, options: { force?: boolean } = {}): Promise<{ dir: string; built: boolean }> {
  const dir = webBuildDir(mode);
  const builtAt = (await stat(join(dir, "index.html")).catch(() => undefined))?.mtimeMs ?? 0;
  if (!options.force && builtAt > (await newestSourceTime())) return { dir, built: false };
  const { build } = await import("vite");
  await build({ configFile: join(webDir, "vite.config.ts"), mode, logLevel: "warn" });
  return { dir, built: true };
}

async function newestSourceTime(): Promise<number> {
  let newest = 0;
  for (const path of sources) {
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    newest = Math.max(newest, info.mtimeMs);
    if (!info.isDirectory()) continue;
    for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  return newest;
}
