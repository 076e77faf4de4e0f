/**
 * One snapshot of the graph, read in one transaction and written to the exports bucket in four
 * forms: the full graph in Parcours JSON (restorable by the import, confidential addresses and
 * referral-only contacts included: the bucket is private), and the public data as HSDS 3 JSON, as
 * data·inclusion JSON and as CSV, written from what a PUBLIC caller of the API reads (./public-view.ts).
 * Each file is made and written in pieces, one file after the other: at France scale (npm run
 * bench:export) a file is longer than a string may be, and the four at once would not fit the function.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import type { Driver } from "neo4j-driver";
import { readGraphRecords, toDatasetFile, type GraphRecords } from "../graph/dump-dataset";
import { hsdsPageAsMade } from "../formats/hsds/to-hsds";
import { copyObject, uploadObject } from "../storage/s3";
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

type ExportFormat = keyof typeof exportFiles;

export interface ExportResult {
  /** The snapshot's keys, under snapshots/<time>/; the same files are copied under latest/. */
  keys: Record<ExportFormat, string>;
  counts: { actors: number; services: number; locations: number };
}

/** Where a snapshot goes: the exports bucket (s3ExportTarget), or a benchmark's counter. */
export interface ExportTarget {
  write(key: string, pieces: Iterable<string>, contentType: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
}

export function s3ExportTarget(s3: S3Client, bucket: string): ExportTarget {
  return {
    write: (key, pieces, contentType) => uploadObject(s3, bucket, key, pieces, contentType),
    copy: (from, to) => copyObject(s3, bucket, from, to),
  };
}

export async function exportSnapshot(target: ExportTarget, driver: Driver, now = new Date()): Promise<ExportResult> {
  const session = driver.session({ defaultAccessMode: "READ" });
  const graph = await session.executeRead((tx) => readGraphRecords(tx)).finally(() => session.close());
  let publicGraph: GraphRecords | undefined;
  const publicRecords = async () => (publicGraph ??= await publicView(await buildGraphQLSchema(driver), graph));
  // Each file's content is made when it is written, and let go before the next.
  const contents: Record<ExportFormat, () => Promise<Iterable<string>>> = {
    parcours: async () => jsonFile(toDatasetFile(graph)),
    hsds: async () => jsonFile(hsdsPageAsMade(await publicRecords())),
    csv: async () => [toCsv(await publicRecords())],
    dataInclusion: async () => jsonFile(toDataInclusion(await publicRecords())),
  };
  const folder = `snapshots/${now.toISOString().replace(/[:.]/g, "-")}`;
  const keys = {} as ExportResult["keys"];
  for (const format of Object.keys(exportFiles) as ExportFormat[]) {
    const { name, contentType } = exportFiles[format];
    keys[format] = `${folder}/${name}`;
    await target.write(keys[format], await contents[format](), contentType);
    await target.copy(keys[format], `latest/${name}`);
  }
  return { keys, counts: { actors: graph.actors.length, services: graph.services.length, locations: graph.locations.length } };
}

function* jsonFile(value: unknown): Generator<string> {
  yield* prettyJsonPieces(value);
  yield "\n";
}
