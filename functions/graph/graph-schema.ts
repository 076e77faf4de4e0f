import type { Driver } from "neo4j-driver";
import { isGraphUnreachable } from "./graph-unreachable";
import { indexesCypher } from "../../generated/cypher";
import { setMissingPublishedHsdsIds } from "./published-hsds-ids";
import { setMissingServedAreaCodes } from "./served-area-codes";

const statements = indexesCypher
  .replace(/^\s*\/\/.*$/gm, "")
  .split(";")
  .map((statement) => statement.trim())
  .filter((statement) => statement.length > 0);

/** Creates the constraints and indexes Parcours needs, and the stored copies records written before lack; safe to run on every start. */
export async function ensureGraphSchema(driver: Driver): Promise<void> {
  for (const statement of statements) await driver.executeQuery(statement);
  await driver.executeQuery("CALL db.awaitIndexes(60)");
  await setMissingPublishedHsdsIds(driver);
  await setMissingServedAreaCodes(driver);
}

/** Fails with the names of the missing indexes, so a server never answers over an unprepared graph. */
export async function assertGraphSchema(driver: Driver): Promise<void> {
  const expected = statements.map((s) => /(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF NOT EXISTS/.exec(s)?.[1]).filter((n) => n !== undefined);
  const { records } = await driver.executeQuery("SHOW INDEXES YIELD name RETURN collect(name) AS names");
  const present = new Set<string>(records[0]?.get("names") ?? []);
  const missing = expected.filter((name) => !present.has(name));
  if (missing.length > 0) {
    throw new Error(`The graph lacks indexes ${missing.join(", ")}: run \`npm run seed\` (or ensureGraphSchema) first`);
  }
}

/**
 * As assertGraphSchema, except that a graph out of reach does not stop the server from starting: a
 * container that starts during an outage still answers routes, degraded, with the emergency numbers
 * (functions/routes/referral-route.ts). An unprepared graph still stops it.
 */
export async function assertGraphSchemaWhenReachable(driver: Driver): Promise<void> {
  try {
    await assertGraphSchema(driver);
  } catch (error) {
    if (!isGraphUnreachable(error)) throw error;
    console.warn(JSON.stringify({ level: "WARN", message: "index check skipped: the graph is unreachable at start", neo4jCode: (error as { code: string }).code }));
  }
}
