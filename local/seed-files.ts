import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DatasetText } from "../functions/formats/parcours/read-dataset";

export const seedDir = join(import.meta.dirname, "..", "seed");
const taxonomyFile = "taxonomy.yaml";

export interface SeedFiles {
  taxonomy: string;
  dataset: DatasetText[];
}

/** The taxonomy and every dataset file of seed/, in name order so that loads are deterministic. */
export async function readSeedFiles(dir = seedDir): Promise<SeedFiles> {
  const names = (await readdir(dir)).filter((name) => /\.(ya?ml|json)$/.test(name) && name !== taxonomyFile).sort();
  const dataset = await Promise.all(names.map(async (name) => ({ file: `seed/${name}`, text: await readFile(join(dir, name), "utf8") })));
  return { taxonomy: await readFile(join(dir, taxonomyFile), "utf8"), dataset };
}
