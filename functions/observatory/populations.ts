/**
 * Inhabitants of the covered communes (generated/populations.ts, from @etalab/decoupage-administratif).
 * Version 6.0.0 is the package's 2026 edition; the legal populations in force in 2026 are INSEE's
 * 2023 ones, the page its README cites.
 */
import { communePopulations } from "../../generated/populations";

export const POPULATION_YEAR = 2023;
export const POPULATION_SOURCE =
  "INSEE, populations légales 2023 (https://www.insee.fr/fr/statistiques/8680726), via @etalab/decoupage-administratif 6.0.0";

/** Null for a code the referential does not know. */
export function populationOf(communeCode: string): number | null {
  return communePopulations[communeCode] ?? null;
}

export function populationOfDepartement(departement: string): number {
  return Object.entries(communePopulations)
    .filter(([code]) => code.startsWith(departement))
    .reduce((sum, [, population]) => sum + population, 0);
}
