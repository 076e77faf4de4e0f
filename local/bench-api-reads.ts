/**
 * `npm run bench:api-reads`: which read of the API breaks first at France scale? The reads of
 * api-reads-workload.ts (the web app's documents, the generated root list fields: first page, sort by
 * name, totalCount, text filter; each as PUBLIC and as ADMIN) through the GraphQL handler, in a process
 * with the V8 heap limits Lambda gives the function, on the Hauts-de-Seine data (seed/, the bench
 * instance: the baseline) then on the synthetic France-sized graph (`npm run synth -- --scale france`),
 * in one run. Prints per document and role: warm time (median) and first time on each graph, the
 * bytes at France scale, the ratio France/seed of the warm times, and flags a document over 1 s, one
 * near the 6 MB cap, or one that fails at France scale with errors it does not give on seed/.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { graphqlFunctionMemoryMb } from "../stacks/function-memory";
import type { ReadFigures } from "./api-reads-workload";
import { benchInstance, startBenchGraph } from "./bench-graph";
import { lambdaHeapFlags } from "./lambda-heap";
import { stopNeo4j, type Neo4jInstance } from "./neo4j-process";
import { startSyntheticGraph } from "./synthetic-france";

const execFileAsync = promisify(execFile);
const SLOW_MS = 1000;
const NEAR_CAP_BYTES = 4_000_000; // of the 6 MB an answer may be

async function readsOn(name: string, instance: Neo4jInstance, uri: string): Promise<ReadFigures[]> {
  console.log(`\n${name}:`);
  const { stdout } = await execFileAsync(process.execPath, [...lambdaHeapFlags(graphqlFunctionMemoryMb), "--import", "tsx", join(import.meta.dirname, "api-reads-workload.ts")], {
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: instance.user, NEO4J_PASSWORD: instance.password },
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = stdout.trim().split("\n");
  console.log(lines.slice(0, -1).join("\n"));
  return JSON.parse(lines.at(-1)!) as ReadFigures[];
}

const seeded = await startBenchGraph({ reseed: true });
await seeded.driver.close();
const onSeed = await readsOn("92 (seed/)", benchInstance, seeded.uri);
// Two Neo4j at a time on a shared machine: the bench instance stops before the France-sized one starts.
if (!seeded.reused) await stopNeo4j(benchInstance);

const synthetic = await startSyntheticGraph("france");
if (!synthetic) process.exit(1);
const onFrance = await readsOn("France-sized (synthetic)", synthetic.instance, synthetic.uri);
await synthetic.stop();

console.log(`\nFrance-sized / seed/, per document and role (warm: median; first: the first time the process sends it):`);
const flagged: string[] = [];
for (const france of onFrance) {
  const seed = onSeed.find((f) => f.document === france.document && f.role === france.role);
  const ratio = seed ? (france.warmMs / seed.warmMs).toFixed(1) : "—";
  const newErrors = france.errors.filter((code) => !seed?.errors.includes(code));
  const flags = [
    ...(france.warmMs > SLOW_MS || france.firstMs > SLOW_MS ? [`over ${SLOW_MS} ms`] : []),
    ...(france.bytes > NEAR_CAP_BYTES ? ["near the 6 MB cap"] : []),
    ...(newErrors.length > 0 ? [`fails: ${newErrors.join(",")}`] : []),
  ];
  const line =
    `${france.family.padEnd(22)} ${france.document.padEnd(48)} ${france.role.padEnd(6)} ` +
    `seed ${(seed?.warmMs ?? NaN).toFixed(0).padStart(5)} ms  France ${france.warmMs.toFixed(0).padStart(6)} ms (first ${france.firstMs.toFixed(0).padStart(6)})  ` +
    `×${ratio.padStart(6)}  ${String(france.bytes).padStart(9)} B` +
    (flags.length > 0 ? `  ← ${flags.join("; ")}` : "");
  console.log(line);
  if (flags.length > 0) flagged.push(line);
}
console.log(`\n${flagged.length} of ${onFrance.length} flagged (over ${SLOW_MS} ms, near the 6 MB cap, or failing at France scale only)`);
console.log(`load average: ${readFileSync("/proc/loadavg", "utf8").trim()}`);
process.exit(0);
