/**
 * The territorial referential, from Etalab's découpage administratif (INSEE's official geography):
 * France, the covered départements, their current communes and, in the Hauts-de-Seine, the four
 * établissements publics territoriaux that group its 36 communes. Zones the sources name (ADAVIP's
 * antennes…) come from seed files instead.
 */
import { createRequire } from "node:module";

export const coveredDepartements = ["92", "77", "79"] as const;
export const NATIONAL = "FR";
export const territorySource = "@etalab/decoupage-administratif 6.0.0 (Code officiel géographique de l'INSEE)";

export interface TerritoryRecord {
  code: string;
  name: string;
  level: "NATIONAL" | "DEPARTEMENT" | "ZONE" | "COMMUNE";
  partOf: string[];
}

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

let cached: TerritoryRecord[] | undefined;

export function coveredTerritories(): TerritoryRecord[] {
  cached ??= buildTerritories();
  return cached;
}

export function knownTerritoryCodes(): string[] {
  return coveredTerritories().map((t) => t.code);
}

function buildTerritories(): TerritoryRecord[] {
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
    })),
  ];
}

let communesByPostalCode: Map<string, EtalabCommune[]> | undefined;

/** The INSEE code of the covered commune a postal address names: by postal code, then by name where communes share one. */
export function communeOfPostalCode(postalCode: string, city: string): string | undefined {
  communesByPostalCode ??= indexByPostalCode();
  const candidates = communesByPostalCode.get(postalCode.trim()) ?? [];
  if (candidates.length === 1) return candidates[0]!.code;
  const plain = (name: string) => name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  return candidates.find((c) => plain(c.nom) === plain(city))?.code;
}

function indexByPostalCode(): Map<string, EtalabCommune[]> {
  const covered = new Set<string>(coveredDepartements);
  const index = new Map<string, EtalabCommune[]>();
  for (const commune of load<EtalabCommune[]>("communes")) {
    if (commune.type !== "commune-actuelle" || !covered.has(commune.departement ?? "")) continue;
    for (const postalCode of commune.codesPostaux ?? []) index.set(postalCode, [...(index.get(postalCode) ?? []), commune]);
  }
  return index;
}
