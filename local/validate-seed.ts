/** `npm run seed:check`: validates seed/ without touching any database. */
import { readDataset } from "../functions/formats/parcours/read-dataset";
import type { DatasetFile } from "../functions/domain/dataset-schema";
import { parseTaxonomy } from "../functions/domain/taxonomy";
import { readSeedFiles } from "./seed-files";

const files = await readSeedFiles();
parseTaxonomy(files.taxonomy);
const result = readDataset(files.dataset);
if (result.ok) {
  const count = (pick: (f: DatasetFile) => unknown[]) => result.dataset.reduce((n, f) => n + pick(f).length, 0);
  console.log(
    `seed/ is valid: ${result.files.length} files, ${count((f) => f.actors)} actors, ` +
      `${count((f) => f.actors.flatMap((a) => a.services))} services, ${count((f) => f.locations)} locations, ` +
      `${count((f) => f.links)} links, ${count((f) => f.conventions)} conventions, ${count((f) => f.sources)} sources`,
  );
} else {
  for (const p of result.problems) console.error(`${p.file}${p.line ? `:${p.line}` : ""}  ${p.record ?? "-"}  ${p.field || "-"}: ${p.reason}`);
  console.error(`${result.problems.length} problem(s); nothing would be loaded.`);
  process.exitCode = 1;
}
