import type { Driver } from "neo4j-driver";
import { countGraph, loadDataset, type LoadSummary } from "../functions/graph/load-dataset";
import { readDataset } from "../functions/formats/parcours/read-dataset";
import type { DatasetProblem } from "../functions/domain/validate-dataset";
import { parseTaxonomy } from "../functions/domain/taxonomy";
import { ensureGraphSchema } from "../functions/graph/graph-schema";
import { readSeedFiles } from "./seed-files";

export class InvalidDatasetError extends Error {
  constructor(readonly problems: DatasetProblem[]) {
    super(
      `${problems.length} problem(s) in the dataset; nothing was written:\n` +
        problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ""}  ${p.record ?? "-"}  ${p.field || "-"}: ${p.reason}`).join("\n"),
    );
  }
}

/** Validates seed/ as a whole and, only if every record is valid, loads it in one transaction. */
export async function seedGraph(driver: Driver, seedDir?: string): Promise<LoadSummary> {
  const files = await readSeedFiles(seedDir);
  const result = readDataset(files.dataset);
  if (!result.ok) throw new InvalidDatasetError(result.problems);
  await ensureGraphSchema(driver);
  const loaded = await loadDataset(driver, result.dataset, { referential: { taxonomy: parseTaxonomy(files.taxonomy) } });
  const session = driver.session();
  try {
    return { ...loaded, ...(await session.executeRead(countGraph)) };
  } finally {
    await session.close();
  }
}

export function formatSummary(summary: LoadSummary): string {
  const list = (counts: Record<string, number>) => Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ");
  return [
    `nodes: ${list(summary.nodes)}`,
    `relationships: ${list(summary.relationships)}`,
    `this load created ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships`,
  ].join("\n");
}
