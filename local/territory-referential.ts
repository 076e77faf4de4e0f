/**
 * Extracts the covered territories from Etalab's découpage administratif, for `npm run codegen` to
 * write into generated/territories.ts (see functions/domain/territories.ts).
 */
import { createRequire } from "node:module";
import { coveredDepartements, NATIONAL, type TerritoryRecord } from "../functions/domain/territories";

interface EtalabCommune {
  code: string;
  nom: string;
  departement?: string;
  type: string;
  codesPostaux?: string[];
}
interface EtalabDepartement {
  code: string;
  nom: string;
}
interface EtalabEpt {
  code: string;
  nom: string;
  membres: { code: string }[];
}

// The package's own index reads its files relative to the working directory; read them directly.
const require = createRequire(import.meta.url);
const load = <T>(file: string): T => require(`@etalab/decoupage-administratif/data/${file}.json`) as T;

export function extractTerritories(): TerritoryRecord[] {
  const covered = new Set<string>(coveredDepartements);
  const departements = load<EtalabDepartement[]>("departements").filter((d) => covered.has(d.code));
  const communes = load<EtalabCommune[]>("communes").filter(
    (c) => c.type === "commune-actuelle" && c.departement !== undefined && covered.has(c.departement),
  );
  const communeCodes = new Set(communes.map((c) => c.code));
  const zonesOfCommune = new Map<string, string[]>();
  const epts = load<EtalabEpt[]>("ept")
    .map((ept) => ({ ...ept, membres: ept.membres.filter((m) => communeCodes.has(m.code)) }))
    .filter((ept) => ept.membres.length > 0);
  for (const ept of epts) {
    for (const member of ept.membres) zonesOfCommune.set(member.code, [...(zonesOfCommune.get(member.code) ?? []), ept.code]);
  }
  return [
    { code: NATIONAL, name: "France", level: "NATIONAL", partOf: [] },
    ...departements.map((d) => ({ code: d.code, name: d.nom, level: "DEPARTEMENT" as const, partOf: [NATIONAL] })),
    ...epts.map((ept) => ({
      code: ept.code,
      name: `Territoire ${ept.nom}`,
      level: "ZONE" as const,
      partOf: [ept.membres[0]!.code.slice(0, 2)],
    })),
    ...communes.map((c) => ({
      code: c.code,
      name: c.nom,
      level: "COMMUNE" as const,
      partOf: [c.departement!, ...(zonesOfCommune.get(c.code) ?? [])],
      postalCodes: c.codesPostaux ?? [],
    })),
  ];
}

/**
 * Every current commune of France (and the municipal arrondissements of Paris, Lyon and Marseille),
 * one "<INSEE code> <name>" per line: the names of requests outside the covered départements. A
 * string rather than records, so that the functions carry about 650 kB and index it only when such
 * a request comes.
 */
export function extractFrenchCommunes(): string {
  return load<EtalabCommune[]>("communes")
    .filter((c) => c.type === "commune-actuelle" || c.type === "arrondissement-municipal")
    .map((c) => `${c.code} ${c.nom}`)
    .join("\n");
}
