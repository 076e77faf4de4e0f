/**
 * The territorial referential, from Etalab's découpage administratif (INSEE's official geography):
 * France, the covered départements, their current communes (with their postal codes) and, in the
 * Hauts-de-Seine, the four établissements publics territoriaux that group its 36 communes. Zones the
 * sources name (ADAVIP's antennes…) come from seed files instead. `npm run codegen` extracts it into
 * generated/territories.ts (local/territory-referential.ts), so that the functions carry tens of
 * kilobytes instead of the package's 12 MB of data.
 */
import { territories } from "../../generated/territories";

export const coveredDepartements = ["92", "77", "79"] as const;
export const NATIONAL = "FR";
export const territorySource = "@etalab/decoupage-administratif 6.0.0 (Code officiel géographique de l'INSEE)";

export interface TerritoryRecord {
  code: string;
  name: string;
  level: "NATIONAL" | "DEPARTEMENT" | "ZONE" | "COMMUNE";
  partOf: string[];
  postalCodes?: string[];
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
  const plain = (name: string) => name.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  return candidates.find((c) => plain(c.name) === plain(city))?.code;
}

function indexByPostalCode(): Map<string, TerritoryRecord[]> {
  const index = new Map<string, TerritoryRecord[]>();
  for (const commune of territories) {
    for (const postalCode of commune.postalCodes ?? []) index.set(postalCode, [...(index.get(postalCode) ?? []), commune]);
  }
  return index;
}
