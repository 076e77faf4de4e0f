/**
 * An HSDS file that names records the graph already holds — Parcours' own public export sent back by
 * a partner with corrections, or a directory's feed imported again — updates those records instead
 * of copying them. The ids match both ways: the HSDS id a record was imported under (`hsdsId`), or
 * the UUID the export mints from its Parcours id. What the file says is compared with what the
 * public export says of the record, field by field: only what differs is taken from the file, with
 * the file's provenance; everything else keeps its value and its source, including what a public
 * HSDS file cannot carry (referral-only contacts, confidential addresses, capacity, other aliases).
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import { buildGraphQLSchema } from "../api/graphql-server";
import { publicView } from "../exports/public-view";
import { readGraphRecords, toDatasetFile, type GraphRecords } from "../graph/dump-dataset";
import { readHsds, type HsdsReadResult, type HsdsRecordKind } from "../formats/hsds/read-hsds";
import { toHsds } from "../formats/hsds/to-hsds";
import type { IdIndex } from "./hsds-id-index";
import { ImportSources } from "./import-sources";

type Json = Record<string, unknown>;

/** How a format publishes the public graph, as the HSDS organizations the import reads it back as. */
export type PublishedAsHsds = (publicGraph: GraphRecords) => unknown;

/** The file's records, those the graph holds merged with it as described above; the sources no record cites any more are dropped. */
export async function reconcileHsds(driver: Driver, read: HsdsReadResult, ids: IdIndex, publish: PublishedAsHsds = toHsds): Promise<HsdsReadResult> {
  const raw = read.document.raw as { sources: Json[]; locations: Json[]; actors: Json[] };
  const isKnown = (kind: HsdsRecordKind) => (record: Json) => ids.isKnown(kind, record.id);
  const known = {
    actors: raw.actors.filter(isKnown("actor")).map((a) => a.id as string),
    services: raw.actors.flatMap((a) => (a.services as Json[]).filter(isKnown("service")).map((s) => s.id as string)),
    locations: raw.locations.filter(isKnown("location")).map((l) => l.id as string),
  };
  if (known.actors.length + known.services.length + known.locations.length === 0) return read;

  const session = driver.session({ defaultAccessMode: "READ" });
  const graph = await session.executeRead((tx) => graphRecordsAround(tx, known)).finally(() => session.close());
  const published = publish(await publicView(await buildGraphQLSchema(driver), graph));
  // The export names the actors and places of the file's services too, which the file may not name.
  ids.include(graph);
  const asPublished = readHsds(published, new ImportSources("published", "1970-01-01", "1970-01-01"), () => null, ids.idOf, ids.isKnown).document.raw as typeof raw;
  const full = toDatasetFile(graph) as unknown as typeof raw;

  const byId = (records: Json[]) => new Map(records.map((r) => [r.id as string, r]));
  const [publishedActors, publishedServices, publishedLocations] = [
    byId(asPublished.actors),
    byId(asPublished.actors.flatMap((a) => a.services as Json[])),
    byId(asPublished.locations),
  ];
  const [fullActors, fullServices, fullLocations] = [byId(full.actors), byId(full.actors.flatMap((a) => a.services as Json[])), byId(full.locations)];

  const actors = raw.actors.map((actor) => {
    const merged = mergeRecord(actor, publishedActors.get(actor.id as string), fullActors.get(actor.id as string));
    const services = (actor.services as Json[]).map((s) => mergeRecord(s, publishedServices.get(s.id as string), fullServices.get(s.id as string)));
    return { ...merged, services };
  });
  const locations = raw.locations.map((l) => mergeRecord(l, publishedLocations.get(l.id as string), fullLocations.get(l.id as string)));
  const cited = new Set<unknown>();
  collectSources({ actors, locations }, cited);
  return {
    ...read,
    document: { ...read.document, raw: { sources: raw.sources.filter((s) => cited.has(s.id)), locations, actors } },
  };
}

/** The records the file names, with the actors of its services and the places they are at, so that the export of them is whole. */
async function graphRecordsAround(tx: ManagedTransaction, known: { actors: string[]; services: string[]; locations: string[] }) {
  const { records } = await tx.run(
    // From the named records by their ids only: a feed names thousands, the graph may hold many more.
    `CALL () {
       UNWIND $services AS id
       MATCH (provider:Actor)-[:OFFERS]->(:Service {id: id})
       RETURN collect(DISTINCT provider.id) AS providers
     }
     WITH providers + $actors AS actors
     CALL (actors) {
       CALL (actors) {
         UNWIND actors AS id MATCH (:Actor {id: id})-[:BASED_AT]->(l:Location) RETURN l.id AS place
         UNION
         UNWIND $services AS id MATCH (:Service {id: id})-[:AT]->(l:Location) RETURN l.id AS place
       }
       RETURN collect(place) AS places
     }
     CALL () { MATCH (s:Source) RETURN collect(s.id) AS sources }
     RETURN actors, places + $locations AS locations, sources`,
    known,
  );
  const around = records[0]!;
  return readGraphRecords(tx, {
    sources: around.get("sources") as string[],
    zones: [],
    locations: [...new Set(around.get("locations") as string[])],
    actors: [...new Set(around.get("actors") as string[])],
    services: known.services,
    conventions: [],
    links: [],
  });
}

/** Fields a record holds apart from its facts' values: its identity, provenance and the sub-records merged on their own. */
const ownFields = new Set(["id", "hsdsId", "source", "note", "contacts", "services", "schedule", "capacity", "eligibility"]);

/**
 * The record the graph holds (`stored`), with each field the file states differently from the public
 * export (`published`) taken from the file (`incoming`); a record the graph does not hold is the file's.
 */
function mergeRecord(incoming: Json, exported: Json | undefined, stored: Json | undefined): Json {
  if (!stored) return incoming;
  // A record the public export does not show (a place no actor of the file uses): all the file says is new, the rest is kept.
  const published: Json = exported ?? { contacts: [] };
  const merged: Json = { ...stored };
  let changed = false;
  for (const field of new Set([...Object.keys(incoming), ...Object.keys(published)])) {
    if (ownFields.has(field) || same(incoming[field], published[field])) continue;
    changed = true;
    if (field === "aliases") merged.aliases = [...(incoming.aliases as string[]).slice(0, 1), ...((stored.aliases as string[] | undefined) ?? []).slice(1)];
    else if (incoming[field] === undefined) delete merged[field];
    else merged[field] = incoming[field];
  }
  if ("eligibility" in incoming) {
    const [theirs, ours, kept] = [incoming.eligibility as Json, (published.eligibility ?? {}) as Json, { ...((stored.eligibility ?? {}) as Json) }];
    for (const field of new Set([...Object.keys(theirs), ...Object.keys(ours)])) {
      if (same(theirs[field], ours[field])) continue;
      changed = true;
      if (theirs[field] === undefined) delete kept[field];
      else kept[field] = theirs[field];
    }
    merged.eligibility = kept;
  }
  if (changed) merged.source = incoming.source;
  if ("contacts" in incoming) merged.contacts = mergeContacts(incoming.contacts as Json[], published.contacts as Json[], (stored.contacts ?? []) as Json[]);
  if ("schedule" in incoming || "schedule" in published) {
    const [theirs, ours] = [withoutSource(incoming.schedule), withoutSource(published.schedule)];
    if (!same(theirs, ours)) merged.schedule = incoming.schedule ?? null;
  }
  return merged;
}

/**
 * Contacts the public export shows and the file no longer lists are removed, those it adds are
 * added with the file's provenance; those the export cannot show (referral-only) stay as they are.
 */
function mergeContacts(incoming: Json[], published: Json[], stored: Json[]): Json[] {
  // "0 800 05 95 95" and "08 00 05 95 95" are the same number: HSDS numbers are read back in pairs.
  const key = (c: Json) => `${String(c.channel)} ${String(c.value).replace(/\s/g, "")}`;
  const [theirs, ours] = [new Map(incoming.map((c) => [key(c), c])), new Map(published.map((c) => [key(c), c]))];
  const kept = stored
    .filter((c) => theirs.has(key(c)) || !ours.has(key(c)))
    .map((c) => {
      const [their, our] = [theirs.get(key(c)), ours.get(key(c))];
      if (!their || !our || their.label === our.label) return c;
      return { ...withoutField(c, "label"), ...(their.label === undefined ? {} : { label: their.label }), source: their.source };
    });
  const keptKeys = new Set(stored.map(key));
  return [...kept, ...incoming.filter((c) => !keptKeys.has(key(c)))];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function withoutSource(record: unknown): unknown {
  return record && typeof record === "object" ? withoutField(record as Json, "source") : record;
}

function withoutField(record: Json, field: string): Json {
  const { [field]: _dropped, ...rest } = record;
  return rest;
}

function collectSources(node: unknown, cited: Set<unknown>): void {
  if (Array.isArray(node)) node.forEach((n) => collectSources(n, cited));
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "source") cited.add(value);
      else collectSources(value, cited);
    }
  }
}
