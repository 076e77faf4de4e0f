/**
 * The territorial referential, from Etalab's découpage administratif (INSEE's official geography):
 * France, the covered départements, their current communes (with their postal codes) and, in the
 * Hauts-de-Seine, the four établissements publics territoriaux that group its 36 communes. Zones the
 * sources name (ADAVIP's antennes…) come from seed files instead. `npm run codegen` extracts it into
 * generated/territories.ts (local/territory-referential.ts), so that the functions carry tens of
 * kilobytes instead of the package's 12 MB of data.
 */
import type { TerritoryLevel } from "../../generated/graphql";
import { territories } from "../../generated/territories";

export const coveredDepartements = ["92", "77", "79"] as const;
export const NATIONAL = "FR";
export const territorySource = "@etalab/decoupage-administratif 6.0.0 (Code officiel géographique de l'INSEE)";

export interface TerritoryRecord {
  code: string;
  name: string;
  level: TerritoryLevel;
  partOf: string[];
  postalCodes?: string[];
}

export interface CommuneOfRequest {
  code: string;
  name: string;
  departement: string;
  covered: boolean;
}

/** Letters Unicode does not decompose, as they are typed without them (as search.graphql folds them). */
const plainLetters: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o" };

/**
 * The form commune names are looked up by: lower case, no accents, œ as oe (« Oeuilly » finds Œuilly),
 * ligatures as their letters, dashes and apostrophes as spaces.
 */
export function searchableName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[œæßø]/g, (letter) => plainLetters[letter]!)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const inseeCommuneCode = /^(?:0[1-9]|[1-8]\d|9[0-5]|2[AB])\d{3}$|^97[1-6]\d{2}$/;
let coveredCommunes: Map<string, TerritoryRecord[]> | undefined;

/**
 * The communes an INSEE code or a name designates: covered communes first, then any commune of
 * France (generated/french-communes.ts), by code or by name. A name several communes bear gives
 * them all; a code must be that of a current commune or municipal arrondissement. The country's
 * communes are loaded on the first request outside coverage only, so that they stay out of the
 * functions' start.
 */
export async function communesOfRequest(codeOrName: string): Promise<CommuneOfRequest[]> {
  if (!coveredCommunes) {
    coveredCommunes = new Map();
    for (const t of territories.filter((t) => t.level === "COMMUNE")) {
      for (const key of [t.code, searchableName(t.name)]) coveredCommunes.set(key, [...(coveredCommunes.get(key) ?? []), t]);
    }
  }
  const input = codeOrName.trim().toUpperCase();
  const covered = coveredCommunes.get(input) ?? coveredCommunes.get(searchableName(codeOrName)) ?? [];
  if (covered.length > 0) return covered.map((t) => ({ code: t.code, name: t.name, departement: departementOfCommune(t.code), covered: true }));
  const france = await communesOfFrance();
  const elsewhere = inseeCommuneCode.test(input) ? france.byCode.get(input) : france.byName.get(searchableName(codeOrName));
  return (elsewhere ?? []).map((c) => ({ ...c, departement: departementOfCommune(c.code), covered: false }));
}

let frenchCommuneIndex: { byCode: Map<string, { code: string; name: string }[]>; byName: Map<string, { code: string; name: string }[]> } | undefined;

async function communesOfFrance() {
  if (!frenchCommuneIndex) {
    const { frenchCommunes } = await import("../../generated/french-communes");
    frenchCommuneIndex = { byCode: new Map(), byName: new Map() };
    for (const line of frenchCommunes.split("\n")) {
      const space = line.indexOf(" ");
      const commune = { code: line.slice(0, space), name: line.slice(space + 1) };
      frenchCommuneIndex.byCode.set(commune.code, [commune]);
      const key = searchableName(commune.name);
      frenchCommuneIndex.byName.set(key, [...(frenchCommuneIndex.byName.get(key) ?? []), commune]);
    }
  }
  return frenchCommuneIndex;
}

export function coveredTerritories(): TerritoryRecord[] {
  return territories;
}

export function knownTerritoryCodes(): string[] {
  return territories.map((t) => t.code);
}

let communesByPostalCode: Map<string, TerritoryRecord[]> | undefined;

/** The INSEE code of the covered commune a postal address names: by postal code, then by name where communes share one. */
export function communeOfPostalCode(postalCode: string, city: string): string | undefined {
  communesByPostalCode ??= indexByPostalCode();
  const candidates = communesByPostalCode.get(postalCode.trim()) ?? [];
  if (candidates.length === 1) return candidates[0]!.code;
  return candidates.find((c) => searchableName(c.name) === searchableName(city))?.code;
}

function indexByPostalCode(): Map<string, TerritoryRecord[]> {
  const index = new Map<string, TerritoryRecord[]>();
  for (const commune of territories) {
    for (const postalCode of commune.postalCodes ?? []) index.set(postalCode, [...(index.get(postalCode) ?? []), commune]);
  }
  return index;
}

/** The département of an INSEE commune code: three characters overseas (97x), two elsewhere (92, 2A). */
export function departementOfCommune(inseeCode: string): string {
  return inseeCode.startsWith("97") ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}
