/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The web app as a browser meets it: the developer build served by the local server next to
 * /graphql (same origin), Debian's Chromium driven by playwright-core, and axe-core injected into
 * pages. `npm test` on a fresh machine installs Chromium when it runs as root.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";
import { ensureWebBuild } from "../../local/web-build";
import { freePort } from "../../local/free-port";

export const chromiumPath = "/usr/bin/chromium";

export function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  if (process.getuid?.() === 0) {
    execFileSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit" });
    return;
  }
  throw new Error(`The browser tests need Chromium at ${chromiumPath}: install the Debian package "chromium" (sudo apt-get install -y chromium).`);
}

/**
 * The built app and the API on one local origin, e.g. http://localhost:41234. `apiEnvironment` is
 * what the API's handler reads at its start, such as ANONYMOUS_OPERATIONS.
 */
export async function startWebApp(apiEnvironment: Record<string, string> = {}): Promise<string> {
  Object.assign(process.env, apiEnvironment);
  const web = await ensureWebBuild("developer");
  const { serveLocally } = await import("../../local/server");
  const api = await serveLocally(await freePort(), { webRoot: web.dir, developmentSignIn: true });
  return new URL(api).origin;
}

export async function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: chromiumPath, args: ["--disable-background-networking"] });
}

const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.1 A/AA and best-practice rules on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not block.
  await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}
