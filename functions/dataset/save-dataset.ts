/** The coordinators' write path: the same validation and loader as seed/, all or nothing. */
import { GraphQLError } from "graphql";
import neo4j, { type Driver } from "neo4j-driver";
import { loadDataset } from "./load-dataset";
import { readDataset, type DatasetProblem, type KnownIds } from "./read-dataset";

export interface DatasetWriteResult {
  nodesCreated: number;
  relationshipsCreated: number;
}

export async function saveDataset(driver: Driver, input: unknown): Promise<DatasetWriteResult> {
  const result = readDataset([{ file: "input", text: JSON.stringify(withoutNulls(input)) }], await knownIds(driver));
  if (!result.ok) throw invalidDatasetError(result.problems);
  const { nodesCreated, relationshipsCreated } = await loadDataset(driver, result.dataset);
  return { nodesCreated, relationshipsCreated };
}

export function invalidDatasetError(problems: DatasetProblem[]): GraphQLError {
  const described = problems.map((p) => `${p.record ?? "input"}${p.field ? ` ${p.field}` : ""}: ${p.reason}`);
  return new GraphQLError(`${problems.length} invalid value(s); nothing was written. ${described.join("; ")}`, {
    extensions: { code: "BAD_USER_INPUT", problems: problems.map(({ record, field, reason }) => ({ record, field, reason })) },
  });
}

/** The ids of the graph's records that new records may refer to. */
export async function knownIds(driver: Driver): Promise<KnownIds> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (n:Source) RETURN collect(n.id) AS sources }
     CALL () { MATCH (n:Location) RETURN collect(n.id) AS locations }
     CALL () { MATCH (n:Actor) RETURN collect(n.id) AS actors }
     CALL () { MATCH (n:Service) RETURN collect(n.id) AS services }
     RETURN sources, locations, actors, services`,
    {},
    { routing: neo4j.routing.READ },
  );
  const record = records[0]!;
  return { sources: record.get("sources"), locations: record.get("locations"), actors: record.get("actors"), services: record.get("services") };
}

/** GraphQL sends null for a field left empty; the dataset format omits it. Dates arrive as Neo4j dates. */
function withoutNulls(value: unknown): unknown {
  if (neo4j.isDate(value as never)) return String(value);
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}
