/**
 * Reads the graph back as dataset records: the full export (restorable by the import), and the
 * before/after comparison that tells an import which records it created, updated or left unchanged.
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { z } from "zod";
import {
  actorLinkSchema,
  actorSchema,
  capacitySchema,
  contactSchema,
  conventionSchema,
  eligibilitySchema,
  locationSchema,
  scheduleSchema,
  serviceSchema,
  sourceSchema,
  zoneSchema,
  type ActorLink,
  type ActorRecord,
  type ConventionRecord,
  type DatasetFile,
  type LocationRecord,
  type ServiceRecord,
  type Source,
  type Zone,
} from "../domain/dataset-schema";
import { territorySource } from "../domain/territories";
import * as statements from "./dump-statements";

/** A fact's provenance as the graph stores it: the source's ref, not its id. */
interface StoredProvenance {
  source: string;
  verifiedAt: string;
  unverified: boolean;
}

type Stored<T> = Omit<T, "source" | "note"> & StoredProvenance;
type Row = Record<string, unknown>;

export interface GraphRecords {
  sources: Source[];
  zones: (Omit<Zone, "source"> & { source: string })[];
  locations: Stored<LocationRecord>[];
  actors: Row[];
  services: Row[];
  conventions: Stored<ConventionRecord>[];
  links: (Stored<ActorLink> & { note: string | null })[];
}

export type RecordKind = keyof GraphRecords;
export const recordKinds: RecordKind[] = ["sources", "zones", "locations", "actors", "services", "conventions", "links"];

/** The ids to read for each kind (links: the ids of the actors they start from); null reads everything. */
export type RecordScope = Record<RecordKind, string[]> | null;

export async function readGraphRecords(tx: ManagedTransaction, scope: RecordScope = null): Promise<GraphRecords> {
  const read = async <T>(statement: (scoped: boolean) => string, kind: RecordKind): Promise<T[]> => {
    if (scope && scope[kind].length === 0) return [];
    const ids = scope && [...new Set(scope[kind])];
    const { records } = await tx.run(statement(ids !== null), { ids, territorySource });
    return records.map((r) => r.get("record") as T);
  };
  return {
    sources: await read(statements.dumpSources, "sources"),
    zones: await read(statements.dumpZones, "zones"),
    locations: await read(statements.dumpLocations, "locations"),
    actors: await read(statements.dumpActors, "actors"),
    services: await read(statements.dumpServices, "services"),
    conventions: await read(statements.dumpConventions, "conventions"),
    links: await read(statements.dumpLinks, "links"),
  };
}

/** The key a record is compared by between two reads. */
export function recordKey(kind: RecordKind, record: Row): string {
  if (kind === "zones") return String(record.code);
  if (kind === "links") return `${String(record.from)} ${String(record.type)} ${String(record.to)}`;
  return String(record.id);
}

/** The whole graph as one Parcours dataset file (what `seed/` holds), ready to be imported again. */
export async function dumpDataset(driver: Driver): Promise<DatasetFile> {
  const session = driver.session({ defaultAccessMode: "READ" });
  try {
    return toDatasetFile(await session.executeRead((tx) => readGraphRecords(tx)));
  } finally {
    await session.close();
  }
}

export function toDatasetFile(graph: GraphRecords): DatasetFile {
  const sourceId = sourceIndex(graph.sources);
  const cite = <T extends StoredProvenance>({ source, verifiedAt, unverified, ...rest }: T) => ({
    ...rest,
    source: sourceId(source, verifiedAt, unverified),
  });
  const servicesOf = new Map<string, Row[]>();
  for (const service of graph.services) {
    const actorId = service.actorId as string;
    servicesOf.set(actorId, [...(servicesOf.get(actorId) ?? []), service]);
  }
  return {
    sources: graph.sources.map((s) => record(sourceSchema, s)),
    zones: graph.zones.map((z) => record(zoneSchema, { ...z, source: sourceId(z.source) })),
    locations: graph.locations.map((l) => record(locationSchema, cite(l))),
    actors: graph.actors.map((actor) =>
      record(actorSchema, {
        ...cite(actor as Row & StoredProvenance),
        contacts: (actor.contacts as StoredProvenance[]).map((c) => record(contactSchema, cite(c))),
        services: (servicesOf.get(actor.id as string) ?? []).map((service) => serviceRecord(service, cite)),
      }),
    ) as ActorRecord[],
    conventions: graph.conventions.map((c) => record(conventionSchema, cite(c))),
    links: graph.links.map((l) => record(actorLinkSchema, cite(l))),
  } as DatasetFile;
}

function serviceRecord(stored: Row, cite: (p: StoredProvenance) => Row): ServiceRecord {
  const { actorId: _actorId, gender, minAge, maxAge, children, residenceRequired, referralRequired, referredBy, contacts, schedule, capacity, ...service } =
    stored;
  return record(serviceSchema, {
    ...cite(service as Row & StoredProvenance),
    eligibility: record(eligibilitySchema, { gender, minAge, maxAge, children, residenceRequired, referralRequired, referredBy }),
    contacts: (contacts as StoredProvenance[]).map((c) => record(contactSchema, cite(c))),
    schedule: schedule ? record(scheduleSchema, cite(schedule as StoredProvenance)) : null,
    capacity: capacity ? record(capacitySchema, cite(capacity as StoredProvenance)) : null,
  }) as ServiceRecord;
}

/**
 * Facts keep their source's ref and date, not its id: the source is found back by ref, date and flag
 * (the first by id when several match, so that two exports agree).
 */
function sourceIndex(sources: Source[]) {
  const byProvenance = new Map<string, string>();
  const byRef = new Map<string, string>();
  for (const source of sources) {
    const key = `${source.ref}|${source.verifiedAt}|${source.unverified}`;
    if (!byProvenance.has(key)) byProvenance.set(key, source.id);
    if (!byRef.has(source.ref)) byRef.set(source.ref, source.id);
  }
  return (ref: string, verifiedAt?: string, unverified?: boolean): string => {
    const id = byProvenance.get(`${ref}|${verifiedAt}|${unverified}`) ?? byRef.get(ref);
    if (id === undefined) throw new Error(`No Source node has the ref ${ref}`);
    return id;
  };
}

/** Null stands for "unknown" in the graph; the dataset format leaves such fields out, except those it requires. */
const requiredNullable = new Set(["openingHours", "placesTotal"]);

/** A record with the fields in the order the dataset schema declares them, as a person reads seed/. */
function record(schema: { shape: Record<string, z.ZodType> }, values: Row): Row {
  return Object.fromEntries(
    Object.keys(schema.shape)
      .filter((key) => key in values && (values[key] !== null || requiredNullable.has(key)))
      .map((key) => [key, values[key]]),
  );
}
