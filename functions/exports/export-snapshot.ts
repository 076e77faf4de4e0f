/**
 * One snapshot of the graph, read in one transaction and written to the exports bucket in four
 * forms: the full graph in Parcours JSON (restorable by the import, confidential addresses and
 * referral-only contacts included: the bucket is private), and the public data as HSDS 3 JSON, as
 * data·inclusion JSON and as CSV, written from what a PUBLIC caller of the API reads (./public-view.ts).
 * Each file is made and written in pieces, one file after the other: at France scale (npm run
 * bench:export) a file is longer than a string may be, and the four at once would not fit the function.
 *
 * Partner apps read the four files of latest/ as one snapshot: they are copied there only once all
 * four are written under snapshots/<time>/ with the manifest that closes the snapshot (a snapshot
 * folder without manifest.json is an export that failed), and put back as they were when a copy fails.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import type { Driver } from "neo4j-driver";
import { readGraphRecords, toDatasetFile, type GraphRecords } from "../graph/dump-dataset";
import { hsdsPageAsMade } from "../formats/hsds/to-hsds";
import { copyObject, readObject, readText, uploadObject } from "../storage/s3";
import { buildGraphQLSchema } from "../api/graphql-server";
import { toCsv } from "../formats/csv/to-csv";
import { prettyJsonPieces } from "../formats/pretty-json";
import { publicView } from "./public-view";
import { toDataInclusion } from "../formats/data-inclusion/to-data-inclusion";

export const exportFiles = {
  parcours: { name: "parcours.json", contentType: "application/json" },
  hsds: { name: "hsds-organizations.json", contentType: "application/json" },
  csv: { name: "services.csv", contentType: "text/csv" },
  dataInclusion: { name: "data-inclusion.json", contentType: "application/json" },
} as const;

export const manifestName = "manifest.json";
export const latestPrefix = "latest/";

type ExportFormat = keyof typeof exportFiles;
type RecordCounts = { actors: number; services: number; locations: number };

export interface ExportResult {
  /** The snapshot's keys, under snapshots/<time>/; the same files are copied under latest/. */
  keys: Record<ExportFormat, string>;
  counts: RecordCounts;
}

/** Written last in a snapshot folder, and copied last under latest/: the snapshot is whole. */
export interface ExportManifest {
  snapshotAt: string;
  folder: string;
  /** Each file with its size and the records it holds (the public files hold the public view's). */
  files: { name: string; bytes: number; records: RecordCounts }[];
}

/** Where a snapshot goes: the exports bucket (s3ExportTarget), or a benchmark's counter. */
export interface ExportTarget {
  write(key: string, pieces: Iterable<string>, contentType: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
  /** An object's text, or null when there is none. */
  read(key: string): Promise<string | null>;
}

export function s3ExportTarget(s3: S3Client, bucket: string): ExportTarget {
  return {
    write: (key, pieces, contentType) => uploadObject(s3, bucket, key, pieces, contentType),
    copy: (from, to) => copyObject(s3, bucket, from, to),
    read: async (key) => {
      try {
        return await readText((await readObject(s3, bucket, key)).body);
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
  };
}

export async function exportSnapshot(target: ExportTarget, driver: Driver, now = new Date()): Promise<ExportResult> {
  const session = driver.session({ defaultAccessMode: "READ" });
  const graph = await session.executeRead((tx) => readGraphRecords(tx)).finally(() => session.close());
  let publicGraph: GraphRecords | undefined;
  const publicRecords = async () => (publicGraph ??= await publicView(await buildGraphQLSchema(driver), graph));
  // Each file's content is made when it is written, and let go before the next.
  const contents: Record<ExportFormat, () => Promise<{ pieces: Iterable<string>; of: GraphRecords }>> = {
    parcours: async () => ({ pieces: parcoursFile(graph), of: graph }),
    hsds: async () => ({ pieces: jsonFile(hsdsPageAsMade(await publicRecords())), of: await publicRecords() }),
    csv: async () => ({ pieces: [toCsv(await publicRecords())], of: await publicRecords() }),
    dataInclusion: async () => ({ pieces: jsonFile(toDataInclusion(await publicRecords())), of: await publicRecords() }),
  };
  const snapshotAt = now.toISOString();
  const folder = `snapshots/${snapshotAt.replace(/[:.]/g, "-")}`;
  const keys = {} as ExportResult["keys"];
  const manifest: ExportManifest = { snapshotAt, folder, files: [] };
  for (const format of Object.keys(exportFiles) as ExportFormat[]) {
    const { name, contentType } = exportFiles[format];
    keys[format] = `${folder}/${name}`;
    const { pieces, of } = await contents[format]();
    const counted = countingBytes(pieces);
    await target.write(keys[format], counted, contentType);
    manifest.files.push({ name, bytes: counted.bytes(), records: countsOf(of) });
  }
  await target.write(`${folder}/${manifestName}`, [`${JSON.stringify(manifest, null, 2)}\n`], "application/json");
  await publishLatest(target, folder);
  return { keys, counts: countsOf(graph) };
}

/**
 * Copies a whole snapshot under latest/, its manifest last. When a copy fails, latest/ is given back
 * the snapshot its manifest named (the previous export's folder is kept), so that it never mixes two.
 */
async function publishLatest(target: ExportTarget, folder: string): Promise<void> {
  const names = [...Object.values(exportFiles).map((file) => file.name), manifestName];
  const previous = await target.read(`${latestPrefix}${manifestName}`);
  const copyAll = async (from: string) => {
    for (const name of names) await target.copy(`${from}/${name}`, `${latestPrefix}${name}`);
  };
  try {
    await copyAll(folder);
  } catch (error) {
    if (previous !== null) await copyAll((JSON.parse(previous) as ExportManifest).folder);
    throw error;
  }
}

function countsOf(records: GraphRecords): RecordCounts {
  return { actors: records.actors.length, services: records.services.length, locations: records.locations.length };
}

function countingBytes(pieces: Iterable<string>): Iterable<string> & { bytes: () => number } {
  let bytes = 0;
  return {
    *[Symbol.iterator]() {
      for (const piece of pieces) {
        bytes += Buffer.byteLength(piece);
        yield piece;
      }
    },
    bytes: () => bytes,
  };
}

/** The full export's text, in pieces: what restores the graph. */
export function parcoursFile(graph: GraphRecords): Iterable<string> {
  return jsonFile(toDatasetFile(graph));
}

function* jsonFile(value: unknown): Generator<string> {
  yield* prettyJsonPieces(value);
  yield "\n";
}
