/**
 * `npm run chaos [-- --rate 40 --before 20 --after 20 --import-rows 20000]`: the chaos run of
 * local/chaos-run.ts with its figures printed. Bounded: a few hundred requests a minute, one import,
 * one Neo4j of its own on a free local port, removed at the end.
 */
import { parseArgs } from "node:util";
import { runChaos, type Outcome } from "./chaos-run";
import { routeRequestShapes } from "./route-workload";

const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "40" },
    before: { type: "string", default: "20" },
    after: { type: "string", default: "20" },
    "import-rows": { type: "string", default: "20000" },
  },
});

const report = await runChaos({
  ratePerSecond: Number(values.rate),
  secondsBeforeKill: Number(values.before),
  secondsAfterRecovery: Number(values.after),
  importRows: Number(values["import-rows"]),
  log: (line) => console.log(line),
});

const phases: [string, (o: Outcome) => boolean][] = [
  ["before the kill", (o) => o.startedAt < report.killedAt],
  ["Neo4j down", (o) => o.startedAt >= report.killedAt && o.startedAt < report.neo4jAnsweredAt],
  ["restarting (answers, not ready)", (o) => o.startedAt >= report.neo4jAnsweredAt && o.startedAt < report.neo4jReadyAt],
  ["after it is ready", (o) => o.startedAt >= report.neo4jReadyAt],
];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;
for (const [label, inPhase] of phases) {
  const outcomes = report.outcomes.filter(inPhase);
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(`${o.kind} ${o.result}`, (counts.get(`${o.kind} ${o.result}`) ?? 0) + 1);
  const results = [...counts].map(([result, count]) => `${result}: ${count}`);
  const ms = outcomes.map((o) => o.ms);
  console.log(`${label.padEnd(32)} ${String(outcomes.length).padStart(5)} requests, p50 ${percentile(ms, 50)} ms, p95 ${percentile(ms, 95)} ms, max ${Math.max(0, ...ms)} ms — ${results.join(", ")}`);
}
const slowest = [...report.outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
console.log(
  `slowest answers (started s after the kill: kind result ms): ${slowest.map((o) => `${((o.startedAt - report.killedAt) / 1000).toFixed(1)}: ${o.kind} ${o.result} ${o.ms}`).join(", ")}`,
);
console.log(`writes acknowledged ${report.acknowledgedWrites}, lost after the restart ${report.lostWrites}`);
console.log(`answers with a stack: ${report.outcomes.filter((o) => o.stackInBody).length}`);
console.log(`first answer from the graph ${report.recoveredAfterMs ?? "never"} ms after Neo4j first answered again (no server restart); a route asked after the load: ${report.routeAfterRecovery}, then a write: ${report.writeAfterRecovery}`);
console.log(`routes (${routeRequestShapes().length} shapes in turn) answered degraded until ${report.routesDegradedUntilMs ?? "—"} ms after Neo4j first answered again`);
console.log(
  `import of ${report.import.expectedServices} rows killed while writing: ${report.import.failed ? `failed (${report.import.reason})` : "completed"}, its report ${report.import.reportStatus ?? "not written"}; ` +
    `in the graph afterwards ${report.import.actorsAfter}/${report.import.expectedActors} actors, ${report.import.servicesAfter}/${report.import.expectedServices} services`,
);
process.exit(0);
