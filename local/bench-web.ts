/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * `npm run bench:web`: the Orientation page as a phone meets it — headless Chromium with the CPU
 * slowed 4× (DevTools Emulation.setCPUThrottlingRate) against the local server and the bench's own
 * Neo4j. Prints the JavaScript the page loads (gzipped; goal ≤ 100 KB), its first contentful paint
 * (goal ≤ 1 s) against the static HTML alone, and the time from submit to the route shown
 * (goal ≤ 500 ms) against the same API call made bare from the same page: medians of several runs.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { createDriver } from "../functions/graph/driver";
import { ensureGraphSchema } from "../functions/graph/graph-schema";
import { withLocalAuthDefaults } from "./local-auth";
import { startNeo4j, stopNeo4j, type Neo4jInstance } from "./neo4j-process";
import { seedGraph } from "./seed-graph";
import { serveLocally } from "./server";
import { ensureWebBuild } from "./web-build";
import { routeQuery } from "../web/src/queries";
import { emptyForm, toRouteRequest, type RouteForm } from "../web/src/route-request";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CPU_SLOWDOWN = 4;
const benchForm: RouteForm = { ...emptyForm, commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", withChildren: true, at: "2026-12-05T23:30" };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/**
 * The JavaScript the Orientation page loads: the scripts and module preloads its index.html names
 * (the entry and its static imports). The chunks loaded later, only on pages that ask for them (the
 * observatory, its network graph), are counted apart.
 */
async function javascriptBytes(dir: string): Promise<{ raw: number; gzipped: number; later: { raw: number; gzipped: number } }> {
  const assets = join(dir, "assets");
  const html = await readFile(join(dir, "index.html"), "utf8");
  const loaded = new Set([...html.matchAll(/\/assets\/([^"']+\.js)/g)].map((match) => match[1]!));
  const files = (await readdir(assets)).filter((f) => f.endsWith(".js"));
  const sizes = await Promise.all(files.map(async (f) => {
    const content = await readFile(join(assets, f));
    return { file: f, raw: content.length, gzipped: gzipSync(content, { level: 9 }).length };
  }));
  const sum = (list: typeof sizes) => ({ raw: list.reduce((total, s) => total + s.raw, 0), gzipped: list.reduce((total, s) => total + s.gzipped, 0) });
  return { ...sum(sizes.filter((s) => loaded.has(s.file))), later: sum(sizes.filter((s) => !loaded.has(s.file))) };
}

async function slowPage(browser: Browser, withApp = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  // The baseline is the static HTML alone: the app's script is not served.
  if (!withApp) await context.route("**/assets/*.js", (route) => route.abort());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return page;
}

async function firstContentfulPaint(browser: Browser, url: string, withApp: boolean): Promise<number> {
  const page = await slowPage(browser, withApp);
  await page.goto(url, { waitUntil: "load" });
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName("first-contentful-paint")[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: "paint", buffered: true });
      }),
  );
  await page.context().close();
  return fcp;
}

/** From the submit event to the route's first option in the page, measured inside the page. */
async function submitToRoute(browser: Browser, origin: string): Promise<{ shown: number; api: number }> {
  const page = await slowPage(browser);
  await page.goto(`${origin}/`);
  await page.fill("#commune", "92050");
  await page.check("#situation-INTIMATE_PARTNER_VIOLENCE");
  await page.check("#urgency-IMMEDIATE_DANGER");
  await page.check("#with-children");
  await page.fill("#at", "2026-12-05T23:30");
  const shown = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let submittedAt = 0;
        document.querySelector("form.route-form")!.addEventListener("submit", () => (submittedAt = performance.now()), { capture: true });
        new MutationObserver((_, observer) => {
          if (submittedAt && document.querySelector(".route .option")) {
            observer.disconnect();
            resolve(performance.now() - submittedAt);
          }
        }).observe(document.body, { childList: true, subtree: true });
        document.querySelector<HTMLButtonElement>("form.route-form button[type=submit]")!.click();
      }),
  );
  // The same operation and variables as the page sends, so that the difference is the page's own work.
  const apiRoute = await page.evaluate(
    async ({ query, variables }) => {
      const started = performance.now();
      const response = await fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      await response.json();
      return performance.now() - started;
    },
    { query: routeQuery.toString(), variables: { input: toRouteRequest(benchForm) } },
  );
  await page.context().close();
  return { shown, api: apiRoute };
}

const instance: Neo4jInstance = {
  port: Number(process.env.BENCH_NEO4J_PORT ?? 7689),
  dataDir: join(import.meta.dirname, "..", ".data", `neo4j-bench-${process.env.BENCH_NEO4J_PORT ?? 7689}`),
  user: "neo4j",
  password: "parcours-bench",
};
const neo4j = await startNeo4j(instance);
Object.assign(process.env, withLocalAuthDefaults(process.env), { NEO4J_URI: neo4j.uri, NEO4J_USER: instance.user, NEO4J_PASSWORD: instance.password });
const driver = createDriver({ uri: neo4j.uri, user: instance.user, password: instance.password });
await ensureGraphSchema(driver);
await driver.executeQuery("MATCH (n) DETACH DELETE n");
await seedGraph(driver);
await driver.close();

const production = await ensureWebBuild("production");
const developer = await ensureWebBuild("developer");
const api = await serveLocally(Number(process.env.PORT ?? 4000) + 1000, { webRoot: developer.dir, developmentSignIn: true });
const origin = new URL(api).origin;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--disable-background-networking"] });

try {
  const bytes = await javascriptBytes(production.dir);
  console.log(`JavaScript of the Orientation page (production build): ${(bytes.gzipped / 1024).toFixed(1)} KB gzipped (${(bytes.raw / 1024).toFixed(1)} KB raw); goal ≤ 100 KB: ${(bytes.gzipped / 1024 / 100).toFixed(2)} of it`);
  console.log(`JavaScript loaded only on the pages that ask for it (observatory, network graph): ${(bytes.later.gzipped / 1024).toFixed(1)} KB gzipped (${(bytes.later.raw / 1024).toFixed(1)} KB raw)`);
  console.log(`Headless Chromium, CPU slowed ${CPU_SLOWDOWN}×, 360 px wide, medians of ${RUNS} runs (after one warm-up)\n`);

  await firstContentfulPaint(browser, `${origin}/`, true);
  const fcpWithJs: number[] = [];
  const fcpWithoutJs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    fcpWithJs.push(await firstContentfulPaint(browser, `${origin}/`, true));
    fcpWithoutJs.push(await firstContentfulPaint(browser, `${origin}/`, false));
  }
  console.log(`First contentful paint:    ${ms(median(fcpWithJs))}  (the static HTML without the app's script ${ms(median(fcpWithoutJs))}; ratio ${(median(fcpWithJs) / median(fcpWithoutJs)).toFixed(2)}; goal ≤ 1000 ms)`);

  await submitToRoute(browser, origin);
  const shown: number[] = [];
  const apiOnly: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await submitToRoute(browser, origin);
    shown.push(run.shown);
    apiOnly.push(run.api);
  }
  console.log(`Submit → route shown:      ${ms(median(shown))}  (the same API call, bare, from the same page ${ms(median(apiOnly))}; ratio ${(median(shown) / median(apiOnly)).toFixed(2)}; goal ≤ 500 ms)`);
} catch (failure) {
  // A run that fails says so: the finally's exit would otherwise end it silently, as if it had passed.
  console.error(failure);
  process.exitCode = 1;
} finally {
  await browser.close();
  if (!neo4j.reused) await stopNeo4j(instance);
  process.exit();
}
