/**
 * What a load changed, record by record, read in its transaction before and after it. Actors,
 * services, locations and sources are compared on the audit's snapshots (their properties, their own
 * relations and their parts), so that a large import reads them twice, not four times; zones,
 * conventions and links, which the snapshots do not hold, are read as the export writes them.
 */
import { sameProperties, type NodeState, type Snapshot } from "../audit/audit-trail";
import type { DatasetFile } from "../domain/dataset-schema";
import { recordKey, recordKinds, type GraphRecords, type RecordKind, type RecordScope } from "./dump-dataset";

export interface RecordChanges {
  created: number;
  updated: number;
  unchanged: number;
}

/** The records the files hold, by kind (links: by the actor they start from). */
export function recordsOf(files: DatasetFile[]): NonNullable<RecordScope> {
  const actors = files.flatMap((f) => f.actors);
  return {
    sources: files.flatMap((f) => f.sources.map((s) => s.id)),
    zones: files.flatMap((f) => f.zones.map((z) => z.code)),
    locations: files.flatMap((f) => f.locations.map((l) => l.id)),
    actors: actors.map((a) => a.id),
    services: actors.flatMap((a) => a.services.map((s) => s.id)),
    conventions: files.flatMap((f) => f.conventions.map((c) => c.id)),
    links: [...new Set(files.flatMap((f) => f.links.map((l) => l.from)))],
  };
}

/**
 * The relations that are a record's own, as the snapshot names them: an actor's OFFERS, PARTY_TO and
 * links change its services, conventions and links, not the actor.
 */
const ownRelations = {
  actors: ["COVERS", "BASED_AT"],
  services: ["HANDLES", "ANSWERS", "SERVES", "AT"],
  locations: ["IN_COMMUNE"],
  sources: [],
} satisfies Partial<Record<RecordKind, string[]>>;

type SnapshotKind = keyof typeof ownRelations;
const snapshotKinds = Object.keys(ownRelations) as SnapshotKind[];
const readKinds = recordKinds.filter((kind) => !(snapshotKinds as RecordKind[]).includes(kind));

/** The zones, conventions and links of the files: the records to read as the export writes them. */
export function readScopeOf(files: DatasetFile[]): NonNullable<RecordScope> {
  const scope = recordsOf(files);
  return Object.fromEntries(recordKinds.map((kind) => [kind, readKinds.includes(kind) ? scope[kind] : []])) as NonNullable<RecordScope>;
}

/** Of the records read before a load, those to read again after it: the others were created. */
export function existingIn(before: GraphRecords): NonNullable<RecordScope> {
  const ids = (kind: RecordKind) => (before[kind] as Record<string, unknown>[]).map((record) => recordKey(kind, record));
  return {
    sources: ids("sources"),
    zones: ids("zones"),
    locations: ids("locations"),
    actors: ids("actors"),
    services: ids("services"),
    conventions: ids("conventions"),
    links: [...new Set(before.links.map((link) => link.from))],
  };
}

export interface ChangesRead {
  /** The audit's snapshots: the one before the load, and the one after it of the records that existed. */
  snapshots: [before: Snapshot, after: Snapshot];
  /** The zones, conventions and links read before and after the load (readScopeOf, existingIn). */
  records: [before: GraphRecords, after: GraphRecords];
}

export function compareRecords(files: DatasetFile[], { snapshots, records }: ChangesRead): Record<RecordKind, RecordChanges> {
  const keysOf: Record<RecordKind, string[]> = { ...recordsOf(files), links: files.flatMap((f) => f.links.map((link) => recordKey("links", link))) };
  const [before, after] = snapshots.map(withParts) as [SnapshotWithParts, SnapshotWithParts];
  const texts = (graph: GraphRecords, kind: RecordKind) =>
    new Map((graph[kind] as Record<string, unknown>[]).map((record) => [recordKey(kind, record), JSON.stringify(record)]));
  const changes = {} as Record<RecordKind, RecordChanges>;
  for (const kind of recordKinds) {
    const counts: RecordChanges = { created: 0, updated: 0, unchanged: 0 };
    const [old, now] = readKinds.includes(kind) ? [texts(records[0], kind), texts(records[1], kind)] : [undefined, undefined];
    for (const key of new Set(keysOf[kind])) {
      const existed = old ? old.has(key) : before.nodes.has(key);
      const same = old ? old.get(key) === now!.get(key) : sameRecord(kind as SnapshotKind, key, before, after);
      if (!existed) counts.created++;
      else if (same) counts.unchanged++;
      else counts.updated++;
    }
    changes[kind] = counts;
  }
  return changes;
}

interface SnapshotWithParts {
  nodes: Snapshot;
  parts: Map<string, [id: string, state: NodeState][]>;
}

function withParts(snapshot: Snapshot): SnapshotWithParts {
  const parts = new Map<string, [string, NodeState][]>();
  for (const [id, state] of snapshot) {
    if (state.owner === undefined) continue;
    const owned = parts.get(state.owner);
    if (owned) owned.push([id, state]);
    else parts.set(state.owner, [[id, state]]);
  }
  return { nodes: snapshot, parts };
}

function sameRecord(kind: SnapshotKind, id: string, before: SnapshotWithParts, after: SnapshotWithParts): boolean {
  const own = (state: NodeState | undefined) => {
    const { relations, ...properties } = state?.properties ?? {};
    const kept = ((relations as string[] | undefined) ?? []).filter((relation) => ownRelations[kind].some((type) => relation.startsWith(`${type} `)));
    return { ...properties, relations: kept };
  };
  if (!sameProperties(own(before.nodes.get(id)), own(after.nodes.get(id)))) return false;
  const [was, is] = [before.parts.get(id) ?? [], after.parts.get(id) ?? []];
  if (was.length !== is.length) return false;
  const current = new Map(is);
  return was.every(([partId, state]) => {
    const now = current.get(partId);
    return now !== undefined && now.label === state.label && sameProperties(state.properties, now.properties);
  });
}
