/**
 * The reviewed mapping of other directories' vocabularies onto Parcours' own
 * (seed/mappings/directory-vocabularies.yaml, shipped as generated/directory-mapping.ts): what a
 * foreign term says of a service's needs, situations, kind and audience, and which territory a
 * service area names.
 */
import { directoryMapping } from "../../generated/directory-mapping";
import type { DirectoryMapping } from "./directory-mapping-schema";
import { coveredTerritories, searchableName } from "./territories";

export interface TermReading {
  needs: string[];
  situations: string[];
  kind?: string;
  audience?: string;
}

let termIndex: Map<string, DirectoryMapping["terms"][number]> | undefined;
let areaIndex: Map<string, string> | undefined;

/** What the mapping reads in a service's foreign terms (taxonomy and code); terms it does not list say nothing. */
export function readTerms(terms: { taxonomy: string; code: string }[]): TermReading {
  termIndex ??= new Map(directoryMapping.terms.map((t) => [`${searchableName(t.taxonomy)}|${t.code}`, t]));
  const reading: TermReading = { needs: [], situations: [] };
  for (const term of terms) {
    const entry = termIndex.get(`${searchableName(term.taxonomy)}|${term.code}`);
    if (!entry) continue;
    reading.needs = [...new Set([...reading.needs, ...entry.needs])];
    reading.situations = [...new Set([...reading.situations, ...entry.situations])];
    reading.kind ??= entry.kind;
    reading.audience ??= entry.audience;
  }
  return reading;
}

/** The territory a service area names: a code of the referential, a territory's name, or a name the mapping lists. */
export function territoryOfArea(name: string): string | undefined {
  areaIndex ??= new Map([
    ...coveredTerritories().flatMap((t): [string, string][] => [[searchableName(t.name), t.code], [t.code.toLowerCase(), t.code]]),
    ...directoryMapping.areas.map((a): [string, string] => [searchableName(a.name), a.territory]),
  ]);
  return areaIndex.get(searchableName(name));
}

/** The data·inclusion thématiques whose mapped needs a service answers, all of them: the way back of readTerms. */
export function thematiquesOfNeeds(needs: string[]): string[] | null {
  const thematiques = directoryMapping.terms
    .filter((t) => t.taxonomy === dataInclusionTaxonomy && t.needs.length > 0 && t.needs.every((need) => needs.includes(need)))
    .map((t) => t.code);
  return thematiques.length > 0 ? [...new Set(thematiques)].sort() : null;
}

/** The taxonomy the mapping files data·inclusion's thématiques under. */
export const dataInclusionTaxonomy = "data-inclusion";
