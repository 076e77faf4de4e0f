/**
 * Imports one file of the imports bucket, all or nothing: every record is read and validated first;
 * one invalid record and nothing is written, and the report lists every problem. Otherwise the
 * records are loaded in one transaction (idempotent MERGE) and the report counts what changed.
 * Either way the report is written next to the file, under reports/ — also when the graph fails the
 * import (out of reach, out of memory…): its transaction is rolled back, the report says "failed"
 * and why, and ImportFailed is thrown so that the invocation fails and is retried. The write is given
 * the invocation's time less what that report takes, so that a write too slow is stopped by the graph
 * and reported, not cut off with the function.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { Driver } from "neo4j-driver";
import type { Readable } from "node:stream";
import { changesBetween, snapshot, writeAuditRecord, type SnapshotScope } from "../audit/audit-trail";
import { publicCaller, type Caller } from "../auth/caller";
import { writeDataset, type LoadOptions } from "../graph/load-dataset";
import { compareRecords, existingIn, readScopeOf, type RecordChanges } from "../graph/record-changes";
import { readGraphRecords, type RecordKind } from "../graph/dump-dataset";
import { lazyLineOf, parseDatasetText } from "../formats/parcours/read-dataset";
import { validateDataset, type DatasetDocument, type DatasetProblem } from "../domain/validate-dataset";
import { snapshotScope } from "../mutations/save-dataset";
import { knownIds } from "./known-ids";
import type { DatasetFile } from "../domain/dataset-schema";
import { hsdsRecordIds, looksLikeHsds, readHsds, type RecordToQualify } from "../formats/hsds/read-hsds";
import { registryNumberProblems, writeRecordsToQualify } from "./records-to-qualify";
import { readObject, readText, writeObject } from "../storage/s3";
import { readCsv } from "../formats/csv/read-csv";
import { dataInclusionPlaces, hsdsOfDataInclusion, looksLikeDataInclusion } from "../formats/data-inclusion/read-data-inclusion";
import { toDataInclusion } from "../formats/data-inclusion/to-data-inclusion";
import type { GraphRecords } from "../graph/dump-dataset";
import { ImportSources, parisDate } from "./import-sources";
import { reconcileHsds } from "./reconcile-hsds";
import { dataInclusionIdIndex, hsdsIdIndex } from "./hsds-id-index";
import { probableDuplicates } from "./probable-duplicates";
import { failureProblem, ImportFailed, importFailureKind, neo4jCodeOf } from "./import-failure";

export const reportPrefix = "reports/";

export type ImportFormat = "parcours" | "csv" | "hsds" | "data-inclusion";

/** A problem of a record, or of the whole file (`line` and `record` null, `field` empty). */
export type ImportProblem = Omit<DatasetProblem, "file"> & {
  /** Only in a failed report: the code of the graph database's error, null when it gave none (its message is left out: it may quote the file's values). */
  neo4jCode?: string | null;
};

export interface ImportReport {
  file: string;
  format: ImportFormat | null;
  /**
   * imported: written. rejected: the file has problems, nothing was written. failed: the file may be
   * valid, but the graph failed the import (one problem says why) and nothing was written.
   */
  status: "imported" | "rejected" | "failed";
  importedAt: string;
  durationMs: number;
  /** Rows of a CSV file, records of a JSON or YAML one (0 when a failed import had not read them all). */
  records: number;
  problems: ImportProblem[];
  skipped: { record: string; reason: string }[];
  /** Records of a foreign feed imported "à qualifier": kept out of routes until a coordinator adds what is missing. */
  toQualify: { record: string; name: string; missing: string[] }[];
  changes: Record<RecordKind, RecordChanges> | null;
}

export interface ImportRequest {
  s3: S3Client;
  driver: Driver;
  bucket: string;
  key: string;
  logger: Logger;
  now?: Date;
  /** When the invocation is stopped (epoch ms, from Lambda's remaining time); without it, the write has no time limit of its own. */
  deadline?: number;
}

/** The time an import keeps before its deadline to roll back a write the graph stopped, and write and log its failed report. */
export const failureReportMs = 15_000;
/** The least time a write is given when reading the file left less: Lambda stops the function soon after. */
const leastWriteMs = 1_000;

interface ReadResult {
  format: ImportFormat | null;
  documents: DatasetDocument[];
  problems: DatasetProblem[];
  skipped: ImportReport["skipped"];
  toQualify: RecordToQualify[];
  records: number;
}

export function reportKeyOf(key: string): string {
  return `${reportPrefix}${key}.json`;
}

export async function importObject({ s3, driver, bucket, key, logger, now = new Date(), deadline }: ImportRequest): Promise<ImportReport> {
  const file = `s3://${bucket}/${key}`;
  const started = performance.now();
  const object = await readObject(s3, bucket, key);
  logger.info("import started", { file, bytes: object.size });
  const sources = new ImportSources(file, parisDate(object.lastModified), parisDate(now));
  const logProgress = (phase: "read" | "write", records: number, since: number, total?: number) => {
    const recordsPerSecond = Math.round(records / ((performance.now() - since) / 1000));
    logger.info("import progress", { file, phase, records, ...(total ? { total } : {}), recordsPerSecond });
  };

  let read: ReadSummary | undefined;
  let problems: DatasetProblem[] = [];
  let changes: ImportReport["changes"] = null;
  let write: { started: number; timeLimitMs: number | undefined } | undefined;
  try {
    const validated = await readValidated(driver, file, key, object.body, sources, (records) => logProgress("read", records, started));
    ({ read, problems } = validated);
    if (problems.length === 0 && validated.dataset) {
      logProgress("read", read.records, started);
      write = { started: performance.now(), timeLimitMs: deadline === undefined ? undefined : Math.max(leastWriteMs, deadline - failureReportMs - Date.now()) };
      const writeStarted = write.started;
      const onBatch = (rows: number, total: number) => logProgress("write", rows, writeStarted, total);
      changes = await loadAudited(driver, validated.dataset, read.toQualify, file, onBatch, write.timeLimitMs);
    }
  } catch (error) {
    const pastTimeLimit = write?.timeLimitMs !== undefined && performance.now() - write.started >= write.timeLimitMs;
    const kind = importFailureKind(error, { pastTimeLimit });
    const neo4jCode = neo4jCodeOf(error);
    const report = reportOf(file, read, now, started, { status: "failed", problems: [failureProblem(kind, neo4jCode)], changes: null });
    const reportNotWritten = await writeReport(s3, bucket, key, report).then(
      () => null,
      (s3Error: unknown) => (s3Error instanceof Error ? s3Error.name : "error"),
    );
    logger.error("import failed, nothing written", { file, kind, neo4jCode, durationMs: report.durationMs, report: reportNotWritten ? `not written (${reportNotWritten})` : reportKeyOf(key) });
    // Even when the report could not be written: the invocation fails on it and is retried.
    throw new ImportFailed(file, kind, neo4jCode);
  }

  const report = reportOf(file, read, now, started, { status: problems.length === 0 ? "imported" : "rejected", problems: problems.map(({ file: _file, ...problem }) => problem), changes });
  await writeReport(s3, bucket, key, report);
  logger.info("import finished", { file, status: report.status, problems: problems.length, durationMs: report.durationMs, changes });
  return report;
}

type ReadSummary = Omit<ReadResult, "documents">;

/** The report of an import; of what was read, nothing when a failed import had not read its file whole. */
function reportOf(file: string, read: ReadSummary | undefined, now: Date, started: number, outcome: Pick<ImportReport, "status" | "problems" | "changes">): ImportReport {
  return {
    file,
    format: read?.format ?? null,
    status: outcome.status,
    importedAt: now.toISOString(),
    durationMs: Math.round(performance.now() - started),
    records: read?.records ?? 0,
    problems: outcome.problems,
    skipped: read?.skipped ?? [],
    toQualify: (read?.toQualify ?? []).map((q) => ({ record: `${q.recordKind === "actor" ? "organizations" : "services"}: ${String(q.hsdsId)}`, name: String(q.name), missing: q.missing })),
    changes: outcome.changes,
  };
}

function writeReport(s3: S3Client, bucket: string, key: string, report: ImportReport): Promise<void> {
  return writeObject(s3, bucket, reportKeyOf(key), `${JSON.stringify(report, null, 2)}\n`, "application/json");
}

/**
 * The file read and validated, its problems sorted by line. What was read (the text, its parsed
 * documents) is let go when this returns, before the write: a France-sized restore holds the parsed
 * file and the records to write at once otherwise.
 */
async function readValidated(
  driver: Driver,
  file: string,
  key: string,
  body: Readable,
  sources: ImportSources,
  progress: (records: number) => void,
): Promise<{ read: ReadSummary; problems: DatasetProblem[]; dataset: DatasetFile[] | null }> {
  const { documents, ...read } = await readFile(driver, key, body, sources, progress);
  read.problems.push(...registryNumberProblems(file, read.toQualify));
  const validated = validateDataset(documents, await knownIds(driver, documents));
  const duplicates = read.problems.length === 0 && validated.ok ? await probableDuplicates(driver, validated.dataset, documents) : [];
  const problems = [...read.problems, ...(validated.ok ? duplicates : validated.problems)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { read, problems, dataset: validated.ok ? validated.dataset : null };
}

/**
 * Imports write like saveDataset: in one transaction with an AuditRecord of every property changed.
 * Whoever may put a file in the imports bucket writes with an ADMIN's reach; the subject names the file.
 */
async function loadAudited(
  driver: Driver,
  dataset: DatasetFile[],
  toQualify: RecordToQualify[],
  file: string,
  onBatch: LoadOptions["onBatch"],
  timeLimitMs: number | undefined,
): Promise<ImportReport["changes"]> {
  const caller: Caller = { ...publicCaller, role: "ADMIN", subject: `import ${file}` };
  const session = driver.session();
  try {
    return await session.executeWrite(async (tx) => {
      const scope = snapshotScope(dataset);
      const before = await snapshot(tx, scope);
      const recordsBefore = await readGraphRecords(tx, readScopeOf(dataset));
      const { unchangedServices } = await writeDataset(tx, dataset, { before, zonesBefore: recordsBefore.zones, ...(onBatch ? { onBatch } : {}) });
      const qualified = await writeRecordsToQualify(tx, file, toQualify, scope);
      // Records that existed are compared property by property; those the file creates are counted
      // by kind (their properties are the file's own), so that a large import leaves a small record.
      // The services the load left unwritten are as they were.
      const existed = Object.fromEntries(
        Object.entries(scope).map(([kind, ids]) => [kind, ids.filter((id: string) => before.has(id) && !unchangedServices.has(id))]),
      ) as unknown as SnapshotScope;
      const after = await snapshot(tx, existed);
      for (const [id, state] of before) {
        if (unchangedServices.has(id) || (state.owner !== undefined && unchangedServices.has(state.owner))) after.set(id, state);
      }
      const counts = compareRecords(dataset, { snapshots: [before, after], records: [recordsBefore, await readGraphRecords(tx, existingIn(recordsBefore))] });
      const created = Object.entries(counts)
        .filter(([, count]) => count.created > 0)
        .map(([kind, count]) => ({ node: file, label: kind, property: "created", before: null, after: count.created }))
        .concat(toQualify.length > 0 ? [{ node: file, label: "ToQualify", property: "written", before: null, after: toQualify.length }] : []);
      const changes = [...changesBetween(before, after), ...qualified, ...created];
      if (changes.length > 0) await writeAuditRecord(tx, { caller, operation: "import", departement: null, changes });
      return counts;
    }, timeLimitMs === undefined ? undefined : { timeout: timeLimitMs });
  } finally {
    await session.close();
  }
}

async function readFile(driver: Driver, key: string, body: Readable, sources: ImportSources, progress: (records: number) => void): Promise<ReadResult> {
  const extension = /\.([a-z]+)$/i.exec(key)?.[1]?.toLowerCase();
  if (extension === "csv") {
    const csv = await readCsv(body, sources, progress);
    return { format: "csv", documents: [csv.document], problems: csv.problems, skipped: [], toQualify: [], records: csv.rows };
  }
  if (extension !== "json" && extension !== "yaml" && extension !== "yml") {
    return rejected(sources.file, "the file name must end in .csv, .json, .yaml or .yml");
  }
  const text = await readText(body);
  const raw = extension === "json" ? parseJson(text) : undefined;
  if (extension === "json" && raw === undefined) return rejected(sources.file, "not valid JSON");
  if (raw !== undefined && looksLikeDataInclusion(raw)) {
    // Read first as if the graph held none of its records, for the ids of every place it may give.
    const ids = await dataInclusionIdIndex(driver, hsdsRecordIds(hsdsOfDataInclusion(raw as Record<string, unknown>, () => false)));
    const organizations = hsdsOfDataInclusion(raw as Record<string, unknown>, (kind, id) => ids.isKnown(kind, ids.idOf(kind, id)));
    const read = readHsds(organizations, sources, () => null, ids.idOf, ids.isKnown);
    const publish = (graph: GraphRecords) => hsdsOfDataInclusion({ ...toDataInclusion(graph) }, () => true);
    const reconciled = await reconcileHsds(driver, read, ids, publish);
    const places = dataInclusionPlaces(raw as Record<string, unknown>);
    const lineIn = lazyLineOf(text);
    const document: DatasetDocument = {
      ...reconciled.document,
      lineOf: (path) => {
        const at = places.pathOf(read.hsdsPathOf(path));
        return at.length === 0 ? null : lineIn(at);
      },
      recordOf: (path) => places.recordOf(read.hsdsPathOf(path)),
      fieldOf: places.fieldOf,
    };
    return { format: "data-inclusion", documents: [document], problems: [], skipped: [], toQualify: reconciled.toQualify, records: reconciled.records };
  }
  if (raw !== undefined && looksLikeHsds(raw)) {
    const ids = await hsdsIdIndex(driver, hsdsRecordIds(raw));
    const hsds = await reconcileHsds(driver, readHsds(raw, sources, lazyLineOf(text), ids.idOf, ids.isKnown), ids);
    return { format: "hsds", documents: [hsds.document], problems: [], skipped: hsds.skipped, toQualify: hsds.toQualify, records: hsds.records };
  }
  const parsed = parseDatasetText({ file: sources.file, text });
  if ("problems" in parsed) return { format: "parcours", documents: [], problems: parsed.problems, skipped: [], toQualify: [], records: 0 };
  return { format: "parcours", documents: [parsed], problems: [], skipped: [], toQualify: [], records: countRecords(parsed.raw) };
}

function rejected(file: string, reason: string): ReadResult {
  return { format: null, documents: [], problems: [{ file, line: null, record: null, field: "", reason }], skipped: [], toQualify: [], records: 0 };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function countRecords(raw: unknown): number {
  if (raw === null || typeof raw !== "object") return 0;
  return Object.values(raw).reduce((n: number, section) => n + (Array.isArray(section) ? section.length : 0), 0);
}
