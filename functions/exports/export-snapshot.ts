/**
 * One snapshot of the graph, read in one transaction and written to the exports bucket in four
 * forms: the full graph in Parcours JSON (restorable by the import, confidential addresses and
 * referral-only contacts included: the bucket is private), and the public data as HSDS 3 JSON, as
 * data·inclusion JSON and as CSV, written from what a PUBLIC caller of the API reads (./public-view.ts).
 */
import type { S3Client } from "@aws-sdk/client-s3";
import type { Driver } from "neo4j-driver";
import { readGraphRecords, toDatasetFile } from "../graph/dump-dataset";
import { toHsds } from "../formats/hsds/to-hsds";
import { writeObject } from "../storage/s3";
import { buildGraphQLSchema } from "../api/graphql-server";
import { toCsv } from "../formats/csv/to-csv";
import { publicView } from "./public-view";
import { toDataInclusion } from "../formats/data-inclusion/to-data-inclusion";

export const exportFiles = {
  parcours: { name: "parcours.json", contentType: "application/json" },
  hsds: { name: "hsds-organizations.json", contentType: "application/json" },
  csv: { name: "services.csv", contentType: "text/csv" },
  dataInclusion: { name: "data-inclusion.json", contentType: "application/json" },
} as const;

export interface ExportResult {
  /** The snapshot's keys, under snapshots/<time>/; the same files are copied under latest/. */
  keys: Record<keyof typeof exportFiles, string>;
  counts: { actors: number; services: number; locations: number };
}

export async function exportSnapshot(s3: S3Client, driver: Driver, bucket: string, now = new Date()): Promise<ExportResult> {
  const session = driver.session({ defaultAccessMode: "READ" });
  const graph = await session.executeRead((tx) => readGraphRecords(tx)).finally(() => session.close());
  const publicGraph = await publicView(await buildGraphQLSchema(driver), graph);
  const bodies: Record<keyof typeof exportFiles, string> = {
    parcours: `${JSON.stringify(toDatasetFile(graph), null, 2)}\n`,
    hsds: `${JSON.stringify(toHsds(publicGraph), null, 2)}\n`,
    csv: toCsv(publicGraph),
    dataInclusion: `${JSON.stringify(toDataInclusion(publicGraph), null, 2)}\n`,
  };
  const folder = `snapshots/${now.toISOString().replace(/[:.]/g, "-")}`;
  const keys = {} as ExportResult["keys"];
  for (const [format, { name, contentType }] of Object.entries(exportFiles) as [keyof typeof exportFiles, (typeof exportFiles)[keyof typeof exportFiles]][]) {
    keys[format] = `${folder}/${name}`;
    await writeObject(s3, bucket, keys[format], bodies[format], contentType);
    await writeObject(s3, bucket, `latest/${name}`, bodies[format], contentType);
  }
  return { keys, counts: { actors: graph.actors.length, services: graph.services.length, locations: graph.locations.length } };
}
