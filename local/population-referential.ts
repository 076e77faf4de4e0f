/**
 * The INSEE population of each commune of the covered départements, from Etalab's découpage
 * administratif, for `npm run codegen` to write into generated/populations.ts: a few kilobytes the
 * observatory's figures read, instead of the package's 12 MB.
 */
import { createRequire } from "node:module";
import { coveredDepartements } from "../functions/domain/territories";

interface EtalabCommune {
  code: string;
  departement?: string;
  type: string;
  population?: number;
}

const require = createRequire(import.meta.url);

/** "<INSEE code>": population, for the current communes of the covered départements that have one. */
export function extractCommunePopulations(): Record<string, number> {
  const covered = new Set<string>(coveredDepartements);
  const communes = require("@etalab/decoupage-administratif/data/communes.json") as EtalabCommune[];
  return Object.fromEntries(
    communes
      .filter((c) => c.type === "commune-actuelle" && c.departement !== undefined && covered.has(c.departement) && c.population !== undefined)
      .map((c) => [c.code, c.population!]),
  );
}
