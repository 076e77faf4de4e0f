/**
 * Records of a foreign feed that Parcours cannot route to yet ("à qualifier"): kept as ToQualify
 * nodes, apart from the Actor and Service nodes routes read, with what a coordinator must add.
 * Written in the import's transaction; one goes away when a later import brings the record whole.
 */
import type { ManagedTransaction } from "neo4j-driver";
import type { RecordToQualify } from "../formats/hsds/read-hsds";

const mergeRecordsToQualify = `
UNWIND $rows AS row
MERGE (q:ToQualify {id: row.id})
SET q.recordKind = row.recordKind, q.hsdsId = row.hsdsId, q.actorId = row.actorId, q.name = row.name,
    q.description = row.description, q.missing = row.missing, q.terms = row.terms, q.areas = row.areas,
    q.source = row.source, q.verifiedAt = date(row.verifiedAt), q.importedFrom = $file`;

const removeQualified = `
MATCH (q:ToQualify) WHERE q.id IN $ids
DETACH DELETE q`;

export async function writeRecordsToQualify(tx: ManagedTransaction, file: string, rows: RecordToQualify[], qualifiedIds: string[]): Promise<void> {
  if (qualifiedIds.length > 0) await tx.run(removeQualified, { ids: qualifiedIds });
  if (rows.length > 0) await tx.run(mergeRecordsToQualify, { rows: rows.map((row) => ({ ...row, hsdsId: String(row.hsdsId), name: String(row.name) })), file });
}
