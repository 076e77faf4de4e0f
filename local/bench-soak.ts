/**
 * `npm run bench:soak [-- --minutes 10 --concurrency 4]`: mixed load on the API for a bounded time
 * — routes (most of it), searches, actor pages, a coordinator's coverage and a shelter operator's
 * updatePlacesFree — against the API server run as a process of its own, with the V8 heap limits
 * Lambda gives the GraphQL function, whose resident memory is sampled every 10 s. The baseline is the
 * same server's memory after a warm-up of the first minute (a fifth of a shorter run: code loaded and
 * compiled, caches filled, the young generation grown to its size); the goal is a growth under 10 %
 * by the end, with no error. It also prints where the memory is: V8's heap spaces, the rest.
 * Local addresses only: its own Neo4j (BENCH_NEO4J_PORT) and a free port for the server.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { issueToken } from "../functions/auth/tokens";
import { coveredTerritories } from "../functions/domain/territories";
import { benchInstance, startBenchGraph } from "./bench-graph";
import { graphqlFunctionMemoryMb } from "../stacks/function-memory";
import { freePort } from "./free-port";
import { lambdaHeapFlags } from "./lambda-heap";
import { developmentSecret } from "./local-auth";

const { values } = parseArgs({ options: { minutes: { type: "string", default: "10" }, concurrency: { type: "string", default: "4" } } });
const minutes = Number(values.minutes);
const concurrency = Number(values.concurrency);
const warmUpMs = Math.min(60_000, (minutes * 60_000) / 5);

const graph = await startBenchGraph({ reseed: false });
await graph.driver.close();

const port = await freePort();
// The API's process has the heap limits Lambda's runtime gives the GraphQL function (local/lambda-heap.ts).
const heapFlags = lambdaHeapFlags(graphqlFunctionMemoryMb);
const server = spawn(process.execPath, [...heapFlags, "--import", "tsx", join(import.meta.dirname, "api-server.ts")], {
  env: { ...process.env, REPORT_MEMORY_EVERY_MS: "10000", PORT: String(port), NEO4J_URI: graph.uri, NEO4J_USER: benchInstance.user, NEO4J_PASSWORD: benchInstance.password, JWT_SECRET: developmentSecret, JWT_ISSUER: "parcours-local" },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve) => server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("API ready") && resolve()));
interface MemoryReport {
  at: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rssAnon: number;
  rssFile: number;
  spaces: Record<string, number>;
}
const memoryReports: MemoryReport[] = [];
let unfinishedLine = "";
server.stdout!.on("data", (chunk: Buffer) => {
  const lines = (unfinishedLine + chunk.toString()).split("\n");
  unfinishedLine = lines.pop()!;
  for (const line of lines) {
    if (line.startsWith("memory ")) memoryReports.push({ at: Date.now() - started, ...JSON.parse(line.slice("memory ".length)) });
  }
});
const url = `http://127.0.0.1:${port}/graphql`;

const token = (claims: Record<string, string>) => issueToken({ claims: claims as never, secret: developmentSecret, audience: "parcours-api", issuer: "parcours-local", expiresIn: "2h" });
const coordinator = await token({ sub: "soak-coordinator", role: "COORDINATOR", departement: "92" });
const operator = await token({ sub: "soak-operator", role: "SHELTER_OPERATOR", actor: "lescale" });
const communes = coveredTerritories().filter((t) => t.level === "COMMUNE").map((t) => t.code);
const situations = ["INTIMATE_PARTNER_VIOLENCE", "SEXUAL_VIOLENCE", "INTRAFAMILY_VIOLENCE", "HARASSMENT", "FORCED_MARRIAGE", "CHILD_EXPOSURE"];
const words = ["violences", "escale", "adavip", "hébergement", "juridique", "écoute", "flora", "cidff"];

const operations: { name: string; weight: number; body: (i: number) => unknown; token?: string }[] = [
  {
    name: "route",
    weight: 70,
    body: (i) => ({
      query: "query ($input: RouteRequest!) { referralRoute(input: $input) { degraded emergency { number } steps { need rank openNow service { id name contacts { value } } } excluded { reasons } uncoveredNeeds { need } } }",
      variables: { input: { commune: communes[i % communes.length], situations: [situations[i % situations.length]], urgency: i % 3 === 0 ? "IMMEDIATE_DANGER" : "PLANNED", withChildren: i % 4 === 0 } },
    }),
  },
  { name: "search", weight: 15, body: (i) => ({ query: "query ($text: String!) { search(text: $text, limit: 10) { id name services { name } } }", variables: { text: words[i % words.length] } }) },
  { name: "actor", weight: 8, body: () => ({ query: '{ actors(where: { id: { eq: "adavip-92" } }, limit: 1) { name services { name schedule { openingHours } } } }' }) },
  { name: "coverage", weight: 2, body: () => ({ query: 'query { coverage(departement: "92") { gaps { communeCode need } } }' }), token: coordinator },
  { name: "updatePlacesFree", weight: 5, body: (i) => ({ query: "mutation ($input: PlacesFreeInput!) { updatePlacesFree(input: $input) { placesFree } }", variables: { input: { serviceId: "lescale-hebergement", placesFree: i % 12 } } }), token: operator },
];
const schedule = operations.flatMap((operation) => Array<typeof operation>(operation.weight).fill(operation));

const residentKb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? 0);
const samples: { at: number; kb: number }[] = [];
const errors = new Map<string, number>();
const counts = new Map<string, number>();
const started = Date.now();
const endAt = started + minutes * 60_000;
let sequence = 0;

async function worker(): Promise<void> {
  while (Date.now() < endAt) {
    const i = sequence++;
    const operation = schedule[(i * 37) % schedule.length]!;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(operation.token ? { authorization: `Bearer ${operation.token}` } : {}) },
      body: JSON.stringify(operation.body(i)),
    }).catch(() => undefined);
    const answer = (await response?.json().catch(() => undefined)) as { errors?: { extensions?: { code?: string } }[] } | undefined;
    const failure = !response ? "no answer" : (answer?.errors?.[0]?.extensions?.code ?? (response.ok ? undefined : `HTTP ${response.status}`));
    counts.set(operation.name, (counts.get(operation.name) ?? 0) + 1);
    if (failure) errors.set(`${operation.name} ${failure}`, (errors.get(`${operation.name} ${failure}`) ?? 0) + 1);
  }
}

const sampler = (async () => {
  while (Date.now() < endAt) {
    samples.push({ at: Date.now() - started, kb: residentKb() });
    await sleep(10_000);
  }
  samples.push({ at: Date.now() - started, kb: residentKb() });
})();
await Promise.all([...Array.from({ length: concurrency }, worker), sampler]);
server.kill("SIGTERM");

const baseline = samples.find((s) => s.at >= warmUpMs) ?? samples[0]!;
const last = samples.at(-1)!;
const highest = Math.max(...samples.map((s) => s.kb));
const requests = [...counts.values()].reduce((a, b) => a + b, 0);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
console.log(`\nserver: node ${heapFlags.join(" ")} (the GraphQL function's ${graphqlFunctionMemoryMb} MB, as Lambda's runtime starts it)`);
console.log(`soak: ${minutes} min, ${concurrency} concurrent, ${requests} requests (${(requests / ((Date.now() - started) / 1000)).toFixed(0)}/s): ${[...counts].map(([n, c]) => `${n} ${c}`).join(", ")}`);
console.log(`errors: ${errors.size === 0 ? "none" : [...errors].map(([e, c]) => `${e} ×${c}`).join(", ")}`);
console.log(`server RSS: after warm-up (${(baseline.at / 1000).toFixed(0)} s, the baseline) ${mb(baseline.kb)}, at the end ${mb(last.kb)}, highest ${mb(highest)}`);
const halfway = samples.find((s) => s.at >= last.at / 2) ?? baseline;
const growth = (from: { kb: number }) => `${(((last.kb - from.kb) / from.kb) * 100).toFixed(1)} %`;
console.log(`growth after warm-up: ${growth(baseline)} (goal < 10 %); over the second half of the run: ${growth(halfway)} (a leak keeps growing there, a warming heap does not)`);
console.log(`samples (s: MB): ${samples.map((s) => `${(s.at / 1000).toFixed(0)}: ${(s.kb / 1024).toFixed(0)}`).join(", ")}`);
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
// V8 lets its heap grow between major collections; the lowest heap used in a stretch is what stays alive.
const liveHeap = (from: number, to: number) => Math.min(...memoryReports.filter((m) => m.at >= from && m.at < to).map((m) => m.heapUsed));
const firstHalf = liveHeap(baseline.at, (baseline.at + last.at) / 2);
const secondHalf = liveHeap((baseline.at + last.at) / 2, Infinity);
console.log(
  `V8 heap still in use (lowest heap used) after warm-up: first half ${megabytes(firstHalf)} MB, second half ${megabytes(secondHalf)} MB (${(((secondHalf - firstHalf) / firstHalf) * 100).toFixed(1)} %)`,
);
console.log(
  `inside the server (s: RSS / V8 heap total / heap used / external MB): ${memoryReports
    .map((m) => `${(m.at / 1000).toFixed(0)}: ${megabytes(m.rss)} / ${megabytes(m.heapTotal)} / ${megabytes(m.heapUsed)} / ${megabytes(m.external)}`)
    .join(", ")}`,
);
// Where the growth went: V8's heap spaces (what V8 reserved, used or not), the rest of the resident
// anonymous memory (malloc's arenas, the code of native modules' buffers), and mapped files.
const reportNear = (at: number) => memoryReports.reduce((best, m) => (Math.abs(m.at - at) < Math.abs(best.at - at) ? m : best));
if (memoryReports.length > 0) {
  const [from, to] = [reportNear(baseline.at), reportNear(last.at)];
  const parts = (m: MemoryReport): [string, number][] => [
    ["rss", m.rss],
    ["anonymous", m.rssAnon],
    ["files", m.rssFile],
    ["V8 heap total", m.heapTotal],
    ...Object.entries(m.spaces).map(([name, bytes]): [string, number] => [`  ${name}`, bytes]),
    ["anonymous outside the V8 heap", m.rssAnon - m.heapTotal],
    ["external", m.external],
  ];
  const toParts = new Map(parts(to));
  console.log(`memory at ${(from.at / 1000).toFixed(0)} s → ${(to.at / 1000).toFixed(0)} s (MB):`);
  for (const [name, bytes] of parts(from)) console.log(`  ${name.padEnd(32)} ${megabytes(bytes).padStart(5)} → ${megabytes(toParts.get(name)!).padStart(5)}`);
}
process.exit(0);
