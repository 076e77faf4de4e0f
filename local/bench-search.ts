/**
 * `npm run bench:search`: what `search` costs as served (schema/search.graphql: each word its term, its
 * prefix, or its prefix after an elided article, ligatures folded) against the plain-prefix statement
 * it replaced (search-statements.ts, the baseline), on seed/ (the bench instance), in one run:
 * - each statement alone through the driver, both for each text in turn: p50/p95, db hits (PROFILE),
 *   actors found;
 * - the web app's directory search through the GraphQL handler as PUBLIC, in two processes
 *   (search-handler-workload.ts) that serve one statement or the other, each text sent to both in
 *   turn: p50/p95 per text and over all, the handler process's CPU and Neo4j's per request.
 * Prints the ratios served/baseline, and apart the texts whose answers have as many actors with both
 * statements, so that a cost of the rewriting is not taken for the cost of answering more actors.
 */
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import neo4j, { type Driver } from "neo4j-driver";
import { typeDefs } from "../generated/type-defs";
import { graphqlFunctionMemoryMb } from "../stacks/function-memory";
import { benchInstance, startBenchGraph } from "./bench-graph";
import { lambdaHeapFlags } from "./lambda-heap";
import { neo4jStatus, stopNeo4j } from "./neo4j-process";
import { processCpuMs } from "./process-cpu";
import type { SearchAnswer } from "./search-handler-workload";
import { plainPrefixStatementOf, searchStatementOf, type SearchStatementName } from "./search-statements";

// What the directory is asked: names, acronyms, needs, an elided article typed, a word begun.
const TEXTS = [
  "adavip",
  "Flora tristan",
  "escale",
  "violences conjugales",
  "aide aux victimes",
  "hébergement d'urgence",
  "aide sociale enfance",
  "commissariat asnieres",
  "telephone grave danger",
  "médico judiciaire",
  "psychologue",
  "vi",
];
const STATEMENT_ROUNDS = Number(process.env.STATEMENT_ROUNDS ?? 20);
const HANDLER_ROUNDS = Number(process.env.HANDLER_ROUNDS ?? 30);
const WARMUP = Number(process.env.WARMUP ?? 3);
const LIMIT = 30; // the web app's (web/src/queries.ts)

const statements: Record<SearchStatementName, string> = { served: searchStatementOf(typeDefs), "plain-prefix": plainPrefixStatementOf(searchStatementOf(typeDefs)) };
const names: SearchStatementName[] = ["plain-prefix", "served"];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};
const dbHitsOf = (plan: { dbHits: number; children: unknown[] }): number =>
  plan.dbHits + plan.children.reduce<number>((sum, child) => sum + dbHitsOf(child as typeof plan), 0);

interface StatementFigures {
  dbHits: number;
  found: number;
  ms: number[];
}

async function statementsAlone(driver: Driver): Promise<Record<SearchStatementName, Record<string, StatementFigures>>> {
  const figures = { served: {}, "plain-prefix": {} } as Record<SearchStatementName, Record<string, StatementFigures>>;
  const run = (name: SearchStatementName, text: string) => driver.executeQuery(statements[name], { text, limit: neo4j.int(LIMIT) });
  for (const name of names) {
    for (const text of TEXTS) {
      const { records, summary } = await driver.executeQuery(`PROFILE ${statements[name]}`, { text, limit: neo4j.int(LIMIT) });
      figures[name][text] = { dbHits: dbHitsOf(summary.profile as unknown as { dbHits: number; children: unknown[] }), found: records.length, ms: [] };
      await run(name, text);
    }
  }
  for (let round = 0; round < STATEMENT_ROUNDS; round++) {
    for (const text of TEXTS) {
      for (const name of round % 2 === 0 ? names : [...names].reverse()) {
        const started = performance.now();
        await run(name, text);
        figures[name][text]!.ms.push(performance.now() - started);
      }
    }
  }
  return figures;
}

interface HandlerFigures {
  ms: Record<string, number[]>;
  cpuMs: number[];
  neo4jCpuMs: number;
}

/** A handler process serving one statement, forked with the function's heap limits. */
async function handlerServing(name: SearchStatementName): Promise<{ search: (text: string) => Promise<SearchAnswer>; stop: () => void }> {
  const child = fork(join(import.meta.dirname, "search-handler-workload.ts"), [], {
    execArgv: [...lambdaHeapFlags(graphqlFunctionMemoryMb), "--import", "tsx"],
    env: { ...process.env, SEARCH_STATEMENT: name },
  });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the ${name} handler process exited (${code})`));
      child.once("exit", exited);
      child.once("message", (message) => {
        child.off("exit", exited);
        resolve(message);
      });
    });
  await next();
  return {
    search: async (text) => {
      const answer = next();
      child.send(text);
      return (await answer) as SearchAnswer;
    },
    stop: () => child.kill(),
  };
}

/**
 * Both handlers at once, each text sent to one then the other (in turns, which first), so that a
 * change of the machine's load falls on both. Neo4j's CPU is read around each request: in clock ticks,
 * a sum over many requests, background work shared by both.
 */
async function throughHandlers(neo4jPid: number | undefined): Promise<Record<SearchStatementName, HandlerFigures>> {
  const handlers = { "plain-prefix": await handlerServing("plain-prefix"), served: await handlerServing("served") };
  const figures = Object.fromEntries(names.map((name) => [name, { ms: Object.fromEntries(TEXTS.map((text) => [text, []])), cpuMs: [], neo4jCpuMs: 0 }])) as unknown as Record<SearchStatementName, HandlerFigures>;
  const neo4jCpu = () => (neo4jPid === undefined ? null : processCpuMs(neo4jPid));
  try {
    for (let round = 0; round < WARMUP; round++) for (const text of TEXTS) for (const name of names) await handlers[name].search(text);
    for (let round = 0; round < HANDLER_ROUNDS; round++) {
      for (const text of TEXTS) {
        for (const name of round % 2 === 0 ? names : [...names].reverse()) {
          const before = neo4jCpu();
          const answer = await handlers[name].search(text);
          const after = neo4jCpu();
          figures[name].ms[text]!.push(answer.ms);
          figures[name].cpuMs.push(answer.cpuMs);
          if (before !== null && after !== null) figures[name].neo4jCpuMs += after - before;
        }
      }
    }
  } finally {
    for (const name of names) handlers[name].stop();
  }
  return figures;
}

const loadBefore = readFileSync("/proc/loadavg", "utf8").trim();
const seeded = await startBenchGraph({ reseed: true });
const neo4jPid = (await neo4jStatus(benchInstance)).pid;

console.log(`search on seed/: the plain-prefix statement (baseline) and the served one, ${TEXTS.length} texts, limit ${LIMIT}`);
const alone = await statementsAlone(seeded.driver);
await seeded.driver.close();

const handler = await throughHandlers(neo4jPid);
if (!seeded.reused) await stopNeo4j(benchInstance);

const handlerMs = (name: SearchStatementName, text: string) => handler[name].ms[text]!;
const ms = (value: number) => value.toFixed(1).padStart(6);
const ratio = (served: number, baseline: number) => `×${(served / baseline).toFixed(2)}`;

console.log(`\n${"text".padEnd(24)} ${"actors".padStart(9)} ${"db hits".padStart(11)}   statement p50 (ms)      handler p50 (ms)`);
for (const text of TEXTS) {
  const [base, served] = [alone["plain-prefix"][text]!, alone.served[text]!];
  const [baseHandler, servedHandler] = [percentile(handlerMs("plain-prefix", text), 50), percentile(handlerMs("served", text), 50)];
  console.log(
    `${text.padEnd(24)} ${`${base.found} → ${served.found}`.padStart(9)} ${`${base.dbHits} → ${served.dbHits}`.padStart(11)}   ` +
      `${ms(percentile(base.ms, 50))} → ${ms(percentile(served.ms, 50))}  ${ratio(percentile(served.ms, 50), percentile(base.ms, 50))}   ` +
      `${ms(baseHandler)} → ${ms(servedHandler)}  ${ratio(servedHandler, baseHandler)}`,
  );
}

const sameAnswers = TEXTS.filter((text) => alone["plain-prefix"][text]!.found === alone.served[text]!.found);
function summary(label: string, texts: string[]) {
  console.log(`\n${label} (${texts.length} texts):`);
  for (const [what, samples] of [
    ["statement alone", (name: SearchStatementName) => texts.flatMap((text) => alone[name][text]!.ms)],
    ["through the handler", (name: SearchStatementName) => texts.flatMap((text) => handlerMs(name, text))],
  ] as const) {
    const [base, served] = [samples("plain-prefix"), samples("served")];
    const line = (p: number) => `p${p} ${ms(percentile(base, p))} → ${ms(percentile(served, p))} ms (${ratio(percentile(served, p), percentile(base, p))}, ${(percentile(served, p) - percentile(base, p)).toFixed(1)} ms)`;
    console.log(`  ${what.padEnd(20)} ${line(50)}   ${line(95)}`);
  }
  const dbHits = (name: SearchStatementName) => texts.reduce((sum, text) => sum + alone[name][text]!.dbHits, 0);
  console.log(`  ${"db hits (statement)".padEnd(20)} ${dbHits("plain-prefix")} → ${dbHits("served")} (${ratio(dbHits("served"), dbHits("plain-prefix"))})`);
}
summary("all texts", TEXTS);
summary("texts answered with as many actors by both", sameAnswers);

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const requests = HANDLER_ROUNDS * TEXTS.length;
for (const name of names) {
  const neo4jLine = neo4jPid === undefined ? "Neo4j's CPU unknown" : `Neo4j ${(handler[name].neo4jCpuMs / requests).toFixed(1)} ms`;
  console.log(`CPU per request through the handler, ${name.padEnd(12)}: handler process ${mean(handler[name].cpuMs).toFixed(1)} ms, ${neo4jLine}`);
}
console.log(`load average: before ${loadBefore}; after ${readFileSync("/proc/loadavg", "utf8").trim()}`);
process.exit(0);
