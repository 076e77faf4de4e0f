/**
 * The Parcours ids of the records an HSDS or data·inclusion file names, read from the graph for the
 * file's ids only: an HSDS id is looked up as the id Parcours' export gives a record (`publishedHsdsId`:
 * the HSDS id it was imported under, else the UUID minted from its id), a data·inclusion id as a
 * Parcours id, each also as the id an import mints from it. A seek costs about five times what reading
 * one identity among all does (./known-ids.ts), so a file naming more than a fifth as many ids as the
 * graph holds records reads the identities whole, as every such import did before: at France scale
 * that was 242 000 rows, 3 s and 65 MB held, for a file of 25 organizations.
 */
import type { Driver } from "neo4j-driver";
import neo4j from "neo4j-driver";
import type { GraphRecords } from "../graph/dump-dataset";
import type { HsdsRecordKind, ParcoursIdOf } from "../formats/hsds/read-hsds";
import { parcoursIdOf, publishedHsdsId } from "../formats/hsds/terms";

export interface IdIndex {
  /** The Parcours id of a record the file names: the graph's record it names, else one minted from its id. */
  idOf: ParcoursIdOf;
  isKnown: (kind: HsdsRecordKind, parcoursId: unknown) => boolean;
  /** Adds records read from the graph, so that the public export of them reads back with their ids. */
  include: (graph: GraphRecords) => void;
}

/** The ids a file names, by kind of record. */
export type NamedIds = Record<HsdsRecordKind, unknown[]>;

interface Identity {
  kind: HsdsRecordKind;
  id: string;
  hsdsId: string | null;
  /** As the load stored it: minting it again costs a SHA-1 per record. */
  published?: string | null;
}

const identity = "n.id AS id, n.hsdsId AS hsdsId, n.publishedHsdsId AS published";
const kinds = [["actor", "Actor"], ["service", "Service"], ["location", "Location"]] as const;
const identitiesAmongCypher = kinds
  .flatMap(([kind, label]) => [
    `UNWIND $${kind}Published AS key MATCH (n:${label} {publishedHsdsId: key}) RETURN '${kind}' AS kind, ${identity}`,
    `UNWIND $${kind}Ids AS id MATCH (n:${label} {id: id}) RETURN '${kind}' AS kind, ${identity}`,
  ])
  .join("\nUNION\n");
const everyIdentityCypher = kinds.map(([kind, label]) => `MATCH (n:${label}) RETURN '${kind}' AS kind, ${identity}`).join("\nUNION ALL ");
/** Neo4j keeps the count of each label's nodes: no record is read. */
const recordCountCypher = `${kinds.map(([kind, label]) => `CALL () { MATCH (n:${label}) RETURN count(n) AS ${kind}s }`).join("\n")}
RETURN ${kinds.map(([kind]) => `${kind}s`).join(" + ")} AS records`;

/** For an HSDS file: its ids are HSDS ids, those of records the graph holds or new ones. */
export async function hsdsIdIndex(driver: Driver, named: NamedIds): Promise<IdIndex> {
  const index = await identitiesOf(driver, named, (ids) => ({ published: strings(ids), ids: strings(ids.map(parcoursIdOf)) }));
  return { ...index, idOf: (kind, hsdsId) => (typeof hsdsId === "string" && index.byPublished.get(`${kind} ${hsdsId}`)) || parcoursIdOf(hsdsId) };
}

/** For a data·inclusion file: its ids are Parcours' own when the graph holds them. */
export async function dataInclusionIdIndex(driver: Driver, named: NamedIds): Promise<IdIndex> {
  const index = await identitiesOf(driver, named, (ids) => ({ published: [], ids: strings([...ids, ...ids.map(parcoursIdOf)]) }));
  return { ...index, idOf: (kind, id) => (index.isKnown(kind, id) ? id : parcoursIdOf(id)) };
}

/** The graph's identities among those the file names (looked up as `lookUp` says), or all of them. */
async function identitiesOf(driver: Driver, named: NamedIds, lookUp: (ids: unknown[]) => { published: string[]; ids: string[] }) {
  const read = { routing: neo4j.routing.READ };
  const params = Object.fromEntries(
    kinds.flatMap(([kind]) => {
      const { published, ids } = lookUp(named[kind]);
      return [[`${kind}Published`, published], [`${kind}Ids`, ids]];
    }),
  );
  const names = Object.values(params).reduce((total: number, list) => total + list.length, 0);
  const counted = await driver.executeQuery(recordCountCypher, {}, read);
  const lookedUp = names * 5 < (counted.records[0]!.get("records") as number);
  const { records } = await driver.executeQuery(lookedUp ? identitiesAmongCypher : everyIdentityCypher, lookedUp ? params : {}, read);

  const byPublished = new Map<string, string>();
  const existing = new Set<string>();
  const add = ({ kind, id, hsdsId, published }: Identity) => {
    byPublished.set(`${kind} ${published ?? publishedHsdsId(kind, { id, hsdsId })}`, id);
    existing.add(`${kind} ${id}`);
  };
  for (const record of records) add(record.toObject() as Identity);
  return {
    byPublished,
    isKnown: (kind: HsdsRecordKind, id: unknown) => existing.has(`${kind} ${String(id)}`),
    include: (graph: GraphRecords) => {
      for (const [kind, records] of [["actor", graph.actors], ["service", graph.services], ["location", graph.locations]] as const) {
        for (const record of records) add({ kind, id: record.id as string, hsdsId: (record.hsdsId as string | null | undefined) ?? null });
      }
    },
  };
}

/** Ids as the graph stores them (text), each once; a record a file gives no id has none to look up. */
function strings(ids: unknown[]): string[] {
  return [...new Set(ids.filter((id) => id !== undefined && id !== null).map(String))];
}
