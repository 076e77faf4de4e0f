/** seed/mappings/directory-vocabularies.yaml, checked, for generated/directory-mapping.ts. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { directoryMappingSchema, type DirectoryMapping } from "../functions/domain/directory-mapping-schema";
import { seedDir } from "./seed-files";

export const directoryMappingFile = join(seedDir, "mappings", "directory-vocabularies.yaml");

export async function directoryMappingOfSeed(file = directoryMappingFile): Promise<DirectoryMapping> {
  const result = directoryMappingSchema.safeParse(parse(await readFile(file, "utf8")));
  if (!result.success) throw new Error(`${file} is invalid: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return result.data;
}
