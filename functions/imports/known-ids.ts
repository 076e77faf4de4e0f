/**
 * The ids of the graph's records that the documents' records may refer to (imports read them outside a
 * write): those among the documents' strings written as ids, as a record names another by its id, or
 * every id of the graph when that costs less. Reading every id took 0.7 s at France scale whatever the
 * file. Looking an id up is five index seeks, one per kind, and costs about five times what reading one
 * record among all does (14 against 2.9 µs there), so a large file in a small graph reads them all, as
 * before: a 50 000-row file names 60 000 ids, which the 92's graph reads whole in 10 ms. Looked up with
 * UNWIND, as `IN` a list of that size seeks twice as slowly. Only the ids, as an import checks no write scope.
 */
import type { Driver } from "neo4j-driver";
import neo4j from "neo4j-driver";
import { idPattern } from "../domain/dataset-schema";
import { territorySource } from "../domain/territories";
import type { DatasetDocument, KnownIds } from "../domain/validate-dataset";
import { stringsOf } from "../mutations/save-dataset";

const idKinds = [["sources", "Source"], ["locations", "Location"], ["actors", "Actor"], ["services", "Service"], ["conventions", "Convention"]] as const;
/** One subquery per kind of record a reference may name, each returning `subquery(label)` as the kind. */
const perIdKind = (subquery: (label: string) => string, returned: string) =>
  `${idKinds.map(([kind, label]) => `CALL () { ${subquery(label)} AS ${kind} }`).join("\n")}\nRETURN ${returned}`;
const kindNames = idKinds.map(([kind]) => kind);
/**
 * The territories the graph holds: those of the deployment's référentiel (generated/territories.ts)
 * once seeded, every commune of France in a synthetic graph, whose export a restore then accepts, and
 * the zones earlier imports wrote, which a file may name without stating them again.
 */
const referentialTerritories = "CALL () { MATCH (t:Territory) WHERE t.source = $territorySource OR t.level = 'ZONE' RETURN collect(t.code) AS territories }\n";
const idsAmongCypher = referentialTerritories + perIdKind((label) => `UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN collect(n.id)`, [...kindNames, "territories"].join(", "));
const everyIdCypher = referentialTerritories + perIdKind((label) => `MATCH (n:${label}) RETURN collect(n.id)`, [...kindNames, "territories"].join(", "));
/** Neo4j keeps the count of each label's nodes: no record is read. */
const recordCountCypher = perIdKind((label) => `MATCH (n:${label}) RETURN count(n)`, `${kindNames.join(" + ")} AS records`);

/** The ids the documents may refer to that the graph holds, by kind (perhaps more: every id of the graph), and its territories. */
export async function knownIds(driver: Driver, documents: DatasetDocument[]): Promise<KnownIds> {
  const read = { routing: neo4j.routing.READ };
  const counted = await driver.executeQuery(recordCountCypher, {}, read);
  const records = counted.records[0]!.get("records") as number;
  // Each entry of a section names an id at least: a file that names too many is not even walked for
  // them (170 ms for a 50 000-row file).
  const ids = entriesOf(documents) * 5 < records ? stringsOf(documents.map((document) => document.raw)).filter((string) => idPattern.test(string)) : null;
  const lookUp = ids !== null && ids.length * 5 < records;
  const { records: known } = await driver.executeQuery(lookUp ? idsAmongCypher : everyIdCypher, { territorySource, ...(lookUp ? { ids } : {}) }, read);
  return known[0]!.toObject() as unknown as KnownIds;
}

function entriesOf(documents: DatasetDocument[]): number {
  const sections = documents.flatMap((document) => (document.raw !== null && typeof document.raw === "object" ? Object.values(document.raw) : []));
  return sections.reduce((entries: number, section) => entries + (Array.isArray(section) ? section.length : 0), 0);
}
