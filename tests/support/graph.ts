import type { Driver } from "neo4j-driver";
import { createDriver } from "../../functions/graph/driver";
import { neo4jSettingsFromEnv } from "../../functions/config";

let driver: Driver | undefined;

/** The test file's driver to the test Neo4j (closed by reset-graph.ts when the file ends). */
export function testDriver(): Driver {
  driver ??= createDriver(neo4jSettingsFromEnv());
  return driver;
}

export async function closeTestDriver(): Promise<void> {
  await driver?.close();
  driver = undefined;
}

export async function cypher<T = Record<string, unknown>>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await testDriver().executeQuery(query, params);
  return records.map((r) => r.toObject() as T);
}
