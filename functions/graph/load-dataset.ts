/**
 * Writes a validated dataset into Neo4j in one transaction: MERGE on stable ids, so loading the same
 * data twice changes nothing. A record is the truth for what it holds: the contacts, schedule,
 * capacity and service relations it no longer lists are removed. Free places set by shelter
 * operators are kept when the record does not state them.
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { ActorRecord, DatasetFile, ServiceRecord, Source } from "../domain/dataset-schema";
import type { Taxonomy } from "../domain/taxonomy";
import { coveredTerritories, searchableName, territorySource } from "../domain/territories";
import { publishedHsdsId } from "../formats/hsds/terms";
import type { Snapshot } from "../audit/audit-trail";
import type { GraphRecords } from "./dump-dataset";
import * as statements from "./load-statements";
import { unchangedRecords, type ServiceRows, type UnchangedRecords } from "./unchanged-records";
import { areasTouched, markGraphChanged, type GraphChange } from "./graph-version";
import { recordsOf } from "./record-changes";

interface Provenance {
  source: string;
  verifiedAt: string;
  unverified: boolean;
}

export interface LoadResult {
  nodesCreated: number;
  relationshipsCreated: number;
  /** The services left unwritten, the graph holding them as stated (only with LoadOptions.before). */
  unchangedServices: Set<string>;
}

/** A load and what the graph holds after it. */
export interface LoadSummary extends LoadResult {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

const BATCH = 2_000;

/** What a load writes beside the records: the referential (territories, taxonomy) only comes with a full seed. */
export interface LoadOptions {
  referential?: { taxonomy: Taxonomy };
  /** Hears the number of rows written so far, after each batch. */
  onBatch?: (rowsWritten: number, rowsTotal: number) => void;
  /**
   * The audit's snapshot of the records before the load: the services it holds as stated are not
   * written again, and no record it holds as stated is named as changed (unchanged-records.ts).
   */
  before?: Snapshot;
  /** The file's zones as the graph held them before the load (readGraphRecords): those held as stated are not named as changed. */
  zonesBefore?: GraphRecords["zones"];
}

export async function loadDataset(driver: Driver, files: DatasetFile[], options: LoadOptions = {}): Promise<LoadResult> {
  const session = driver.session();
  try {
    return await session.executeWrite((tx) => writeDataset(tx, files, options));
  } finally {
    await session.close();
  }
}

/** The load's writes inside the caller's transaction, so a mutation can audit them in the same one. */
export async function writeDataset(tx: ManagedTransaction, files: DatasetFile[], options: LoadOptions = {}): Promise<LoadResult> {
  const { rows, unchanged } = toRows(files, await sourcesInScope(tx, files), options);
  const change = graphChangeOf(files, unchanged, options.referential !== undefined);
  const touchedBefore = await areasTouched(tx, change);
  const rowsTotal = rows.reduce((n, [, batchRows]) => n + batchRows.length, 0);
  let nodesCreated = 0;
  let relationshipsCreated = 0;
  let rowsWritten = 0;
  for (const [statement, batchRows] of rows) {
    for (let i = 0; i < batchRows.length; i += BATCH) {
      const batch = batchRows.slice(i, i + BATCH);
      const result = await tx.run(statement, { rows: batch });
      const updates = result.summary.counters.updates();
      nodesCreated += updates.nodesCreated;
      relationshipsCreated += updates.relationshipsCreated;
      rowsWritten += batch.length;
      options.onBatch?.(rowsWritten, rowsTotal);
    }
  }
  await markGraphChanged(tx, change, touchedBefore);
  return { nodesCreated, relationshipsCreated, unchangedServices: unchanged.services };
}

/**
 * What a load may change that routes keep (graph-version.ts): the services it writes, and the records
 * their reads go through, but those the graph held as stated (a load without `before` knows none).
 */
function graphChangeOf(files: DatasetFile[], unchanged: UnchangedRecords, structure: boolean): GraphChange {
  const records = recordsOf(files);
  return {
    structure,
    services: records.services.filter((id) => !unchanged.services.has(id)),
    actors: records.actors.filter((id) => !unchanged.actors.has(id)),
    locations: records.locations.filter((id) => !unchanged.locations.has(id)),
    zones: records.zones.filter((code) => !unchanged.zones.has(code)),
  };
}

export async function countGraph(tx: ManagedTransaction): Promise<Pick<LoadSummary, "nodes" | "relationships">> {
  const nodes = await tx.run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label");
  const relationships = await tx.run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type");
  return {
    nodes: Object.fromEntries(nodes.records.map((r) => [r.get("label") as string, Number(r.get("count"))])),
    relationships: Object.fromEntries(relationships.records.map((r) => [r.get("type") as string, Number(r.get("count"))])),
  };
}

type StatementRows = [statement: string, rows: Record<string, unknown>[]];

/** The sources the records cite: declared beside them, or already in the graph. */
async function sourcesInScope(tx: ManagedTransaction, files: DatasetFile[]): Promise<Map<string, Source>> {
  const declared = new Map<string, Source>(files.flatMap((f) => f.sources).map((s) => [s.id, s]));
  const { records } = await tx.run(
    "MATCH (s:Source) WHERE NOT s.id IN $declared RETURN s {.id, .ref, .title, verifiedAt: toString(s.verifiedAt), .unverified} AS source",
    { declared: [...declared.keys()] },
  );
  for (const record of records) {
    const source = record.get("source") as Source;
    declared.set(source.id, source);
  }
  return declared;
}

function toRows(files: DatasetFile[], sources: Map<string, Source>, { referential, before, zonesBefore }: LoadOptions): { rows: StatementRows[]; unchanged: UnchangedRecords } {
  const provenance = (id: string): Provenance => {
    const source = sources.get(id);
    if (!source) throw new Error(`unknown source ${id}: validate the dataset before loading it`);
    return { source: source.ref, verifiedAt: source.verifiedAt, unverified: source.unverified };
  };
  const actors = files.flatMap((f) => f.actors);
  const allServices = actors.flatMap((actor) =>
    actor.services.map((service): ServiceRows => ({
      service: serviceRow(actor.id, service, provenance(service.source)),
      contacts: contactRows(service.contacts, provenance),
      schedule: service.schedule && { ...service.schedule, ...provenance(service.schedule.source) },
      capacity: service.capacity && { ...service.capacity, ...provenance(service.capacity.source) },
    })),
  );
  const actorRows = actors.map((a) => ({ actor: actorRow(a, provenance(a.source)), contacts: contactRows(a.contacts, provenance) }));
  const locations = files.flatMap((f) => f.locations).map((l) => ({ ...l, hsdsId: l.hsdsId ?? null, publishedHsdsId: publishedHsdsId("location", l), ...provenance(l.source) }));
  const zones = zoneRows(files, provenance);
  const unchanged: UnchangedRecords = before
    ? unchangedRecords({ services: allServices, actors: actorRows, locations, zones }, { snapshot: before, ...(zonesBefore ? { zones: zonesBefore } : {}) })
    : { services: new Set(), actors: new Set(), locations: new Set(), zones: new Set() };
  const services = allServices.filter(({ service }) => !unchanged.services.has(service.id as string));

  const rows: StatementRows[] = [
    ...(referential
      ? ([
          [statements.mergeTerritories, referentialTerritoryRows()],
          [statements.mergeTerritoryParents, referentialTerritoryRows()],
          [statements.mergeNeeds, referential.taxonomy.needs],
          [statements.mergeSituations, referential.taxonomy.situations],
        ] satisfies StatementRows[])
      : []),
    [statements.mergeSources, files.flatMap((f) => f.sources)],
    [statements.mergeZones, zones],
    [statements.mergeLocations, locations],
    [statements.mergeActors, actorRows.map(({ actor }) => actor)],
    [statements.mergeActorContacts, actorRows.map(({ actor, contacts }) => ({ ownerId: actor.id, contacts }))],
    [statements.mergeServices, services.map(({ service }) => service)],
    [statements.mergeServiceContacts, services.map(({ service, contacts }) => ({ ownerId: service.id, contacts }))],
    [statements.mergeSchedules, services.map(({ service, schedule }) => ({ serviceId: service.id, schedule }))],
    [statements.mergeCapacities, services.map(({ service, capacity }) => ({ serviceId: service.id, capacity }))],
    [statements.mergeConventions, files.flatMap((f) => f.conventions).map((c) => ({ ...c, ...provenance(c.source) }))],
    ...statements.mergeLinks.map(([type, statement]): StatementRows => [
      statement,
      files.flatMap((f) => f.links).filter((link) => link.type === type).map((link) => ({ ...link, ...provenance(link.source) })),
    ]),
  ];
  return { rows, unchanged };
}

function referentialTerritoryRows() {
  return coveredTerritories().map((t) => ({ ...t, source: territorySource, searchName: searchableName(t.name) }));
}

function zoneRows(files: DatasetFile[], provenance: (id: string) => Provenance) {
  return files.flatMap((f) => f.zones).map((z) => ({ ...z, source: provenance(z.source).source, searchName: searchableName(z.name) }));
}

function actorRow(actor: ActorRecord, provenance: Provenance) {
  return {
    id: actor.id,
    name: actor.name,
    aliases: actor.aliases,
    aliasesText: actor.aliases.join(" "),
    kind: actor.kind,
    description: actor.description ?? null,
    departement: actor.departement,
    covers: actor.covers,
    basedAt: actor.basedAt ?? null,
    siret: actor.siret ?? null,
    rna: actor.rna ?? null,
    hsdsId: actor.hsdsId ?? null,
    publishedHsdsId: publishedHsdsId("actor", actor),
    ...provenance,
  };
}

function serviceRow(actorId: string, service: ServiceRecord, provenance: Provenance) {
  const { eligibility } = service;
  return {
    id: service.id,
    actorId,
    name: service.name,
    kind: service.kind,
    description: service.description ?? null,
    audience: service.audience,
    access: service.access,
    gender: eligibility.gender,
    minAge: eligibility.minAge,
    maxAge: eligibility.maxAge,
    children: eligibility.children,
    residenceRequired: eligibility.residenceRequired,
    referralRequired: eligibility.referralRequired,
    referredBy: eligibility.referredBy ?? null,
    languages: service.languages,
    accessibility: service.accessibility ?? null,
    cost: service.cost,
    actsTonight: service.actsTonight,
    // The load creates the relations it does not find: each once.
    situations: [...new Set(service.situations)],
    needs: [...new Set(service.needs)],
    area: [...new Set(service.area)],
    at: [...new Set(service.at)],
    hsdsId: service.hsdsId ?? null,
    publishedHsdsId: publishedHsdsId("service", service),
    ...provenance,
  };
}

/** A contact listed twice (same channel and value) is one contact, as the last listing states it. */
function contactRows(contacts: ActorRecord["contacts"], provenance: (id: string) => Provenance) {
  const once = [...new Map(contacts.map((c) => [`${c.channel} ${c.value}`, c])).values()];
  return once.map((c) => ({
    channel: c.channel,
    value: c.value,
    label: c.label ?? null,
    free: c.free ?? null,
    referralOnly: c.referralOnly,
    ...provenance(c.source),
  }));
}
