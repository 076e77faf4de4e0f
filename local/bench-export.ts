/**
 * `npm run bench:export`: does the nightly export hold at France scale? One export snapshot (the four
 * files, functions/exports/export-snapshot.ts) of the Hauts-de-Seine data (seed/, the bench instance:
 * the baseline) and of the synthetic France-sized graph (`npm run synth -- --scale france`), each in
 * a process of its own with the V8 heap limits Lambda gives the export function
 * (stacks/function-memory.ts; BENCH_EXPORT_MEMORY_MB tries another size). The files are counted,
 * never stored: a synthetic graph is never exported. Prints each run's time, CPU, peak resident
 * memory against the function's memory, the bytes of each file, and the France/seed ratios.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { exportFunctionMemoryMb } from "../stacks/function-memory";
import { startBenchGraph, benchInstance } from "./bench-graph";
import { lambdaHeapFlags } from "./lambda-heap";
import { stopNeo4j, type Neo4jInstance } from "./neo4j-process";
import { startSyntheticGraph } from "./synthetic-france";

const execFileAsync = promisify(execFile);
const memoryMb = Number(process.env.BENCH_EXPORT_MEMORY_MB ?? exportFunctionMemoryMb);

interface ExportFigures {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  counts: { actors: number; services: number; locations: number };
  bytes: Record<string, number>;
}

async function exportOf(instance: Neo4jInstance, uri: string): Promise<ExportFigures | string> {
  try {
    const { stdout } = await execFileAsync(process.execPath, [...lambdaHeapFlags(memoryMb), "--import", "tsx", join(import.meta.dirname, "export-workload.ts")], {
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: instance.user, NEO4J_PASSWORD: instance.password },
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as ExportFigures;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? "");
    return /heap out of memory|Allocation failed/.test(stderr) ? "out of heap" : `failed: ${stderr.split("\n").find((line) => /Error/.test(line)) ?? (error as Error).message}`;
  }
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function report(name: string, figures: ExportFigures | string) {
  if (typeof figures === "string") {
    console.log(`${name.padEnd(26)} ${figures} (function of ${memoryMb} MB)`);
    return;
  }
  const files = Object.entries(figures.bytes).map(([file, bytes]) => `${file} ${megabytes(bytes)}`).join(", ");
  console.log(
    `${name.padEnd(26)} ${figures.seconds.toFixed(1).padStart(6)} s  CPU ${figures.cpuSeconds.toFixed(1).padStart(6)} s  ` +
      `peak RSS ${figures.peakRssMb.toFixed(0).padStart(5)} MB of ${memoryMb} MB (${figures.peakRssMb < memoryMb ? "fits" : "does not fit"})  ` +
      `${figures.counts.services} services\n${"".padEnd(27)}${files}`,
  );
}

console.log(`One export snapshot per graph, in a process with the heap of a ${memoryMb} MB function; files counted, not stored\n`);
const seeded = await startBenchGraph({ reseed: true });
await seeded.driver.close();
await exportOf(benchInstance, seeded.uri); // the JIT's first compilations are not what is measured
const seed = await exportOf(benchInstance, seeded.uri);
report("92 (seed/)", seed);

// Two Neo4j at a time on a shared machine: the bench instance stops before the France-sized one starts.
if (!seeded.reused) await stopNeo4j(benchInstance);
const synthetic = await startSyntheticGraph("france");
if (synthetic) {
  const france = await exportOf(synthetic.instance, synthetic.uri);
  report("France-sized (synthetic)", france);
  if (typeof seed !== "string" && typeof france !== "string") {
    const ratio = (a: number, b: number) => (a / b).toFixed(1);
    const total = (f: ExportFigures) => Object.values(f.bytes).reduce((a, b) => a + b, 0);
    console.log(
      `\nratio France/seed: time ${ratio(france.seconds, seed.seconds)}, peak RSS ${ratio(france.peakRssMb, seed.peakRssMb)}, ` +
        `bytes ${ratio(total(france), total(seed))}, services ${ratio(france.counts.services, seed.counts.services)}`,
    );
  }
  await synthetic.stop();
}
process.exit(0);
