/**
 * `npm run synth -- --scale france`: builds the synthetic France-sized graph (local/synthetic-france.ts)
 * in its own Neo4j instance (SYNTH_NEO4J_PORT, data folder .data/neo4j-synth-france), from an empty
 * data folder, and prints the generation time and the graph's size. `--scale 92` builds the same
 * synthetic Hauts-de-Seine, with the départements its zones reach (75, 95), in another instance
 * (SYNTH_92_NEO4J_PORT): bench:scale compares the two.
 * The instance is left running for `npm run bench:scale` unless --stop is given.
 */
import { rm } from "node:fs/promises";
import { createDriver } from "../functions/graph/driver";
import { startNeo4j, stopNeo4j } from "./neo4j-process";
import { syntheticFrance, syntheticInstance, syntheticScales, writeSyntheticFrance, type SyntheticScale } from "./synthetic-france";

const args = process.argv.slice(2);
const scale = args[args.indexOf("--scale") + 1] as SyntheticScale;
if (!args.includes("--scale") || !(scale in syntheticScales)) {
  console.error("Usage: npm run synth -- --scale france|92 [--stop]");
  process.exit(1);
}
const instance = syntheticInstance(scale);

const started = performance.now();
const graph = syntheticFrance(syntheticScales[scale]);
console.log(`Generated ${graph.territories.length} territories, ${graph.actors.length} actors, ${graph.services.length} services in ${((performance.now() - started) / 1000).toFixed(1)} s`);

await stopNeo4j(instance);
await rm(instance.dataDir, { recursive: true, force: true });
const neo4j = await startNeo4j(instance, { log: console.log });
console.log(`Synthetic Neo4j started on ${neo4j.uri} (${instance.dataDir})`);
const driver = createDriver({ uri: neo4j.uri, user: instance.user, password: instance.password });
try {
  const writing = performance.now();
  await writeSyntheticFrance(driver, scale, graph, console.log);
  console.log(`Written in ${((performance.now() - writing) / 1000).toFixed(1)} s`);
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN nodes, relationships, COLLECT { MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS count RETURN label + ' ' + toString(count) AS line ORDER BY line } AS byLabel`,
  );
  const size = records[0]!;
  console.log(`Size: ${size.get("nodes")} nodes, ${size.get("relationships")} relationships (${(size.get("byLabel") as string[]).join(", ")})`);
  console.log(`Total ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await driver.close();
  if (args.includes("--stop")) await stopNeo4j(instance);
}
process.exit(0);
