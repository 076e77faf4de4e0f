/**
 * What a load changed, record by record: the records a file holds are read from the graph before
 * and after the load (in its transaction) and compared as the export writes them.
 */
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

function recordKeysOf(files: DatasetFile[], scope: NonNullable<RecordScope>): Record<RecordKind, string[]> {
  return { ...scope, links: files.flatMap((f) => f.links.map((link) => recordKey("links", link))) };
}

export function compareRecords(files: DatasetFile[], before: GraphRecords, after: GraphRecords): Record<RecordKind, RecordChanges> {
  const texts = (graph: GraphRecords, kind: RecordKind) =>
    new Map((graph[kind] as Record<string, unknown>[]).map((record) => [recordKey(kind, record), JSON.stringify(record)]));
  const keysOf = recordKeysOf(files, recordsOf(files));
  const changes = {} as Record<RecordKind, RecordChanges>;
  for (const kind of recordKinds) {
    const [old, now] = [texts(before, kind), texts(after, kind)];
    const counts: RecordChanges = { created: 0, updated: 0, unchanged: 0 };
    for (const key of new Set(keysOf[kind])) {
      if (!old.has(key)) counts.created++;
      else if (old.get(key) !== now.get(key)) counts.updated++;
      else counts.unchanged++;
    }
    changes[kind] = counts;
  }
  return changes;
}
