/**
 * The coordinators' write path: the same validation and loader as seed/, all or nothing, checked
 * against the caller's scope, refused on a probable duplicate as an import is, and audited, all in
 * one transaction; a record "à qualifier" it writes whole under the same id is qualified (removed).
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import neo4j from "neo4j-driver";
import { existingRecordsCypher } from "../../generated/cypher";
import { InvalidRecords, QueryLimitExceeded } from "../errors";
import { isTransactionTimeout } from "../graph/graph-unreachable";
import { queryLimits } from "../api/query-limits";
import type { DatasetInput, DatasetWriteResult } from "../../generated/graphql";
import type { Caller } from "../auth/caller";
import { changesBetween, snapshot, writeAuditRecord, type SnapshotScope } from "../audit/audit-trail";
import { assertMayWriteDataset, type ExistingRecords } from "../auth/authorization";
import { writeDataset } from "../graph/load-dataset";
import { validateDataset, type KnownIds } from "../domain/validate-dataset";
import type { DatasetFile } from "../domain/dataset-schema";
import { departementOfCommune } from "../domain/territories";
import { probableDuplicates } from "../imports/probable-duplicates";
import { removeQualifiedRecords } from "../imports/records-to-qualify";

export async function saveDataset(driver: Driver, input: DatasetInput, caller: Caller): Promise<DatasetWriteResult> {
  const session = driver.session();
  try {
    return await session.executeWrite(async (tx) => {
      const raw = withoutNulls(input);
      const existing = await existingRecords(tx, stringsOf(raw));
      // A GraphQL input has no lines: problems name the record and field, so no text parser is needed.
      const document = { file: "input", raw, lineOf: () => null };
      const result = validateDataset([document], idsOf(existing));
      if (!result.ok) throw new InvalidRecords(result.problems);
      assertMayWriteDataset(caller, result.dataset, existing);
      const duplicates = await probableDuplicates(tx, result.dataset, [document]);
      if (duplicates.length > 0) throw new InvalidRecords(duplicates);

      const scope = snapshotScope(result.dataset);
      const before = await snapshot(tx, scope);
      const counters = await writeDataset(tx, result.dataset, { before });
      const changes = [...changesBetween(before, await snapshot(tx, scope)), ...(await removeQualifiedRecords(tx, scope))];
      await writeAuditRecord(tx, { caller, operation: "saveDataset", departement: departementOfWrite(caller, result.dataset), changes });
      return counters;
    }, { timeout: queryLimits.datasetWriteTimeoutMs });
  } catch (error) {
    if (!isTransactionTimeout(error)) throw error;
    const limit = queryLimits.datasetWriteTimeoutMs;
    throw new QueryLimitExceeded(`The dataset write ran longer than ${limit} ms and was stopped; nothing was written: try again, or send fewer records at once.`, "QUERY_TIMEOUT", { limit });
  } finally {
    await session.close();
  }
}

/** The graph's records whose id is one of `ids`: every id a write names is one of its strings. */
async function existingRecords(tx: ManagedTransaction, ids: string[]): Promise<ExistingRecords> {
  const { records } = await tx.run(existingRecordsCypher, { ids });
  return records[0]!.toObject() as ExistingRecords;
}

/** Every string of a write, once: the ids it names are among them. */
export function stringsOf(input: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") found.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(input);
  return [...found];
}

export function snapshotScope(dataset: DatasetFile[]): SnapshotScope {
  const actors = dataset.flatMap((f) => f.actors);
  return {
    actors: [
      ...actors.map((a) => a.id),
      ...dataset.flatMap((f) => f.links.map((l) => l.from)),
      ...dataset.flatMap((f) => f.conventions.flatMap((c) => c.parties)),
    ],
    services: actors.flatMap((a) => a.services.map((s) => s.id)),
    locations: dataset.flatMap((f) => f.locations.map((l) => l.id)),
    sources: dataset.flatMap((f) => f.sources.map((s) => s.id)),
    conventions: dataset.flatMap((f) => f.conventions.map((c) => c.id)),
  };
}

/** The one département a write concerns, so its coordinators may read the audit record; null when several or national. */
function departementOfWrite(caller: Caller, dataset: DatasetFile[]): string | null {
  if (caller.role === "COORDINATOR") return caller.departement;
  const departements = new Set([
    ...dataset.flatMap((f) => f.locations.map((l) => departementOfCommune(l.commune))),
    ...dataset.flatMap((f) => f.actors.map((a) => a.departement)),
  ]);
  const [only] = departements;
  return departements.size === 1 && only !== undefined ? only : null;
}

function idsOf(existing: ExistingRecords): KnownIds {
  return {
    sources: existing.sources,
    locations: existing.locations.map((l) => l.id),
    actors: existing.actors.map((a) => a.id),
    services: existing.services.map((s) => s.id),
    conventions: existing.conventions.map((c) => c.id),
    territories: existing.territories,
  };
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
