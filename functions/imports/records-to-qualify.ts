/**
 * Records of a foreign feed that Parcours cannot route to yet ("à qualifier"): kept as ToQualify
 * nodes, apart from the Actor and Service nodes routes read, with what a coordinator must add.
 * Written in the import's transaction. One is qualified, and goes away in the same transaction, when
 * a later write brings the record whole under the same id: an import, or a coordinator's saveDataset.
 */
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import type { PropertyChange, SnapshotScope } from "../audit/audit-trail";
import type { RecordToQualify } from "../formats/hsds/read-hsds";
import { rna, siret } from "../domain/dataset-schema";
import type { DatasetProblem } from "../domain/validate-dataset";
import type { RecordToQualify as ListedRecordToQualify } from "../../generated/graphql";

const mergeRecordsToQualify = `
UNWIND $rows AS row
MERGE (q:ToQualify {id: row.id})
SET q.recordKind = row.recordKind, q.hsdsId = row.hsdsId, q.actorId = row.actorId, q.name = row.name,
    q.description = row.description, q.missing = row.missing, q.siret = row.siret, q.rna = row.rna, q.terms = row.terms, q.areas = row.areas,
    q.source = row.source, q.verifiedAt = date(row.verifiedAt), q.importedFrom = $file`;

const removeQualified = `
MATCH (q:ToQualify) WHERE q.id IN $ids
WITH q, q.id AS id ORDER BY id
DETACH DELETE q
RETURN id`;

/**
 * A foreign organization's SIRET or RNA number is kept with its record, to become the actor's when a
 * coordinator qualifies it: checked as an actor's would be, so that an invalid one refuses the file.
 */
export function registryNumberProblems(file: string, rows: RecordToQualify[]): DatasetProblem[] {
  return rows.flatMap((row) =>
    (["siret", "rna"] as const).flatMap((field) => {
      if (row[field] === null) return [];
      const checked = (field === "siret" ? siret : rna).safeParse(row[field]);
      return checked.success ? [] : [{ file, line: null, record: `organizations: ${String(row.hsdsId)}`, field, reason: checked.error.issues[0]!.message }];
    }),
  );
}

/**
 * Removes the records "à qualifier" that a write qualifies — those with the id of an actor or service it
 * writes — and returns each removal as a change for the write's audit record.
 */
export async function removeQualifiedRecords(tx: ManagedTransaction, scope: SnapshotScope): Promise<PropertyChange[]> {
  const ids = [...scope.actors, ...scope.services];
  if (ids.length === 0) return [];
  const { records } = await tx.run(removeQualified, { ids });
  return records.map((r) => ({ node: r.get("id") as string, label: "ToQualify", property: "qualified", before: false, after: true }));
}

/** Writes an import's records "à qualifier", after removing those it qualifies (returned as audit changes). */
export async function writeRecordsToQualify(tx: ManagedTransaction, file: string, rows: RecordToQualify[], scope: SnapshotScope): Promise<PropertyChange[]> {
  const qualified = await removeQualifiedRecords(tx, scope);
  if (rows.length > 0) await tx.run(mergeRecordsToQualify, { rows: rows.map((row) => ({ ...row, hsdsId: String(row.hsdsId), name: String(row.name) })), file });
  return qualified;
}

const DEFAULT_LISTED = 100;
const MAX_LISTED = 1000;

const listRecordsToQualify = `
MATCH (q:ToQualify)
RETURN q {.id, .recordKind, feedId: q.hsdsId, .actorId, .name, .description, .missing, .siret, .rna, .terms, .areas, source: q.importedFrom, .verifiedAt} AS record
ORDER BY q.name, q.id
LIMIT $limit`;

/** For coordinators (Query.recordsToQualify): what foreign feeds left "à qualifier", bounded and time-limited. */
export async function readRecordsToQualify(driver: Driver, limit: number | null, timeout: number): Promise<ListedRecordToQualify[]> {
  const bounded = Math.min(Math.max(limit ?? DEFAULT_LISTED, 0), MAX_LISTED);
  const { records } = await driver.executeQuery(listRecordsToQualify, { limit: neo4j.int(bounded) }, { routing: neo4j.routing.READ, transactionConfig: { timeout } });
  return records.map((r) => r.get("record") as ListedRecordToQualify);
}
