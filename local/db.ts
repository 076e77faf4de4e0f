/** `npm run db:start|db:stop|db:status`: the local Neo4j of NEO4J_PORT / NEO4J_DATA_DIR / NEO4J_PASSWORD. */
import { localInstance, neo4jStatus, startNeo4j, stopNeo4j } from "./neo4j-process";

const commands: Record<string, () => Promise<void>> = {
  async start() {
    const started = await startNeo4j(localInstance(), { log: console.log });
    const how = started.reused ? "already running, reused" : `started in ${(started.startedInMs / 1000).toFixed(1)} s`;
    console.log(`Neo4j ${how}: ${started.uri}\nLog: ${started.logFile}`);
  },
  async stop() {
    const instance = localInstance();
    console.log((await stopNeo4j(instance)) ? "Neo4j stopped" : `No Neo4j was running for ${instance.dataDir}`);
  },
  async status() {
    const status = await neo4jStatus(localInstance());
    console.log(status.running ? `Neo4j running (pid ${status.pid}): ${status.uri}` : `Neo4j not running (${status.uri})`);
    console.log(`Log: ${status.logFile}`);
  },
};

const command = commands[process.argv[2] ?? ""];
if (!command) {
  console.error("Usage: node --import tsx local/db.ts start|stop|status");
  process.exit(1);
}
try {
  await command();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
