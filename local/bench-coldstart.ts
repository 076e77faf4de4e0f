/**
 * `npm run bench:coldstart`: loads each bundle of dist/ (`npm run build` first) in a fresh Node
 * process, as the Lambda runtime does (import the module, then call its handler), against the local
 * Neo4j, and prints the time to first answer of the GraphQL handler: process start + init (module
 * import, schema build, index check) + first invocation, for a public read and for a front-line
 * worker's first route. Each process gets the locale and time zone Lambda gives a function.
 * Baseline, in the same run: a fresh process whose handler answers at once. The other functions'
 * init times are printed too. Median of 5 runs.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { httpApiEvent, lambdaContext } from "./http-api-event";
import { localInstance, startNeo4j } from "./neo4j-process";
import { withLocalAuthDefaults } from "./local-auth";
import { issueToken } from "../functions/auth/tokens";
import { authSettingsFromEnv } from "../functions/config";

const distDir = join(import.meta.dirname, "..", "dist");
const runs = Number(process.env.COLDSTART_RUNS ?? 5);
if (!existsSync(join(distDir, "graphql", "index.mjs"))) {
  console.error("No bundles in dist/: run `npm run build` first.");
  process.exit(1);
}

const instance = localInstance();
const neo4j = await startNeo4j(instance);

// What the Lambda runtime does, in plain JavaScript so that no loader is measured: import, then invoke.
const runner = `
const started = performance.now();
const [bundle, eventJson, contextJson] = process.argv.slice(2);
const module = bundle === "baseline" ? { handler: async () => ({ statusCode: 200, body: "{}" }) } : await import(bundle);
const initialised = performance.now();
const event = JSON.parse(eventJson);
const result = event === null ? undefined : await module.handler(event, JSON.parse(contextJson));
const answered = performance.now();
process.send({ startMs: started, initMs: initialised - started, invokeMs: answered - initialised, totalMs: answered, ok: !result || result.statusCode === 200, body: result?.body?.slice(0, 120) });
`;
const runnerFile = join(distDir, "coldstart-runner.mjs");
await writeFile(runnerFile, runner);

interface Sample {
  startMs: number;
  initMs: number;
  invokeMs: number;
  totalMs: number;
  ok: boolean;
  body?: string;
}

// What the Lambda runtime sets for every function (its documented LANG and TZ), as a cold start sees it.
const lambdaEnvironment = { LANG: "en_US.UTF-8", TZ: ":UTC" };

function coldStart(bundle: string, event: unknown): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runnerFile, bundle, JSON.stringify(event), JSON.stringify(lambdaContext())], {
      stdio: ["ignore", "ignore", "inherit", "ipc"],
      env: {
        ...withLocalAuthDefaults(process.env),
        ...lambdaEnvironment,
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: instance.user,
        NEO4J_PASSWORD: instance.password,
        EXPORTS_BUCKET: "parcours-exports",
        GRAPHQL_INTROSPECTION: "false",
        POWERTOOLS_LOG_LEVEL: "WARN",
        NODE_ENV: "production",
      },
    });
    child.once("message", (sample) => {
      resolve(sample as Sample);
      child.kill();
    });
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && code !== null && reject(new Error(`${bundle} exited with ${code}`)));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
async function measure(bundle: string, event: unknown) {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await coldStart(bundle, event));
  if (!samples.every((s) => s.ok)) throw new Error(`${bundle} answered with an error: ${samples.find((s) => !s.ok)?.body}`);
  return { total: median(samples.map((s) => s.totalMs)), init: median(samples.map((s) => s.initMs)), invoke: median(samples.map((s) => s.invokeMs)), processStart: median(samples.map((s) => s.startMs)) };
}

const query = httpApiEvent({
  method: "POST",
  headers: { "content-type": "application/json", host: "api.example.org" },
  body: JSON.stringify({ query: "{ actors(limit: 1) { id name } }" }),
});
// A front-line worker's first request: a verified token and a route, which loads the route's chunk
// (opening hours, Europe/Paris time) on top of init.
const auth = authSettingsFromEnv(withLocalAuthDefaults(process.env));
if (!("secret" in auth)) throw new Error("bench:coldstart signs its token with the local HS256 secret: unset JWT_JWKS_URL");
const frontlineToken = await issueToken({ claims: { sub: "bench-coldstart", role: "FRONTLINE" }, secret: auth.secret, audience: auth.audience, issuer: auth.issuer });
const routeQuery = httpApiEvent({
  method: "POST",
  headers: { "content-type": "application/json", host: "api.example.org", authorization: `Bearer ${frontlineToken}` },
  body: JSON.stringify({
    query: "query ($input: RouteRequest!) { referralRoute(input: $input) { emergency { number } steps { rank reasons service { name } } } }",
    variables: { input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER" } },
  }),
});
const baseline = await measure("baseline", query);
const graphql = await measure(join(distDir, "graphql", "index.mjs"), query);
const graphqlRoute = await measure(join(distDir, "graphql", "index.mjs"), routeQuery);
const others = [];
for (const name of ["import", "export", "route-digests"]) others.push({ name, ...(await measure(join(distDir, name, "index.mjs"), null)) });

const ms = (value: number) => `${Math.round(value)} ms`.padStart(8);
console.log(`\ncold start, median of ${runs} fresh processes (Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${availableParallelism()} cores)`);
console.log(`baseline (empty handler)        first answer ${ms(baseline.total)}  (process start ${ms(baseline.processStart)})`);
const graphqlRow = (label: string, sample: typeof graphql) =>
  `${label} first answer ${ms(sample.total)}  = process start ${ms(sample.processStart)} + init ${ms(sample.init)} + first invocation ${ms(sample.invoke)}; ${ms(sample.total - baseline.total)} over baseline`;
console.log(graphqlRow("graphql  { actors(limit: 1) }   ", graphql));
console.log(graphqlRow("graphql  FRONTLINE's first route", graphqlRoute));
for (const other of others) console.log(`${`${other.name} init only`.padEnd(33)} init ${ms(other.init)}`);
console.log("target: GraphQL first answer ≤ 700 ms (the read; a first route adds the route's own start: token, route chunk, opening hours)");
process.exit(0);
