/**
 * `standards(departement)`: the Council of Europe minimum standards for support services
 * (EG-TFV(2008)6; Istanbul Convention art. 24 for helplines) against what the graph holds. What the
 * graph does not count stays null ("inconnu"), never 0. Reads the same services as the coverage.
 */
import type { StandardMeasure, StandardPopulationBasis, Standards } from "../../generated/graphql";
import type { CoverageGraph, ServiceRow } from "./coverage";
import { POPULATION_SOURCE, POPULATION_YEAR, populationOfDepartement } from "./populations";

const COE_2008 = "Conseil de l'Europe, « Combating violence against women: minimum standards for support services », EG-TFV(2008)6";
const SHELTER_SOURCE = `${COE_2008} ; EIGE, https://eige.europa.eu/publications-resources/thesaurus/terms/1180`;
const HELPLINE_SOURCE = "Convention d'Istanbul, art. 24 ; EIGE, https://eige.europa.eu/publications-resources/thesaurus/terms/1317";

export function standardsOf(graph: CoverageGraph, departement: string): Standards {
  const population = populationOfDepartement(departement);
  const women = Math.round(population / 2);
  const communes = new Set(graph.communes.flatMap((c) => [c.code, ...c.zones]));
  const forVictims = graph.services.filter((s) => s.audience === "VICTIMS" || s.audience === "GENERAL_PUBLIC");
  const local = forVictims.filter((s) => s.areas.some((a) => a.code === departement || communes.has(a.code)));
  const national = forVictims.filter((s) => s.areas.some((a) => a.level === "NATIONAL"));
  const common = { populationYear: POPULATION_YEAR, populationSource: POPULATION_SOURCE };

  const shelters = local.filter((s) => s.kind === "HOUSING_PLACES" && s.needs.some((n) => n === "EMERGENCY_SHELTER" || n === "HOUSING"));
  const counted = shelters.filter((s) => s.capacity?.placesTotal != null);
  const uncounted = shelters.filter((s) => s.capacity?.placesTotal == null).map((s) => s.id).sort();
  const places = counted.reduce((sum, s) => sum + s.capacity!.placesTotal!, 0);
  const placesNeeded = Math.ceil(population / 10_000);
  const placesPresent = uncounted.length === 0 && counted.length > 0 ? places : null;

  const counselling = local.filter((s) => s.kind === "WELCOME_CENTRE");
  const rapeCrisis = local.filter((s) => s.situations.includes("SEXUAL_VIOLENCE") && ["WELCOME_CENTRE", "VICTIMOLOGY_CONSULTATION", "LISTENING_LINE"].includes(s.kind));
  const helplines = national.filter((s) => s.kind === "LISTENING_LINE" && s.openingHours?.trim() === "24/7");

  return {
    departement,
    population,
    populationYear: POPULATION_YEAR,
    measures: [
      {
        key: "FAMILY_SHELTER_PLACES",
        label: "1 place d'hébergement familial pour 10 000 habitants",
        needed: placesNeeded,
        present: placesPresent,
        gap: placesPresent === null ? null : Math.max(0, placesNeeded - placesPresent),
        presentAtLeast: placesPresent === null && counted.length > 0 ? places : null,
        counted: "places (Capacity.placesTotal) des services d'hébergement (HOUSING_PLACES) du département pour l'hébergement d'urgence ou le logement",
        uncounted,
        basis: "INHABITANTS",
        population,
        ...common,
        standardSource: SHELTER_SOURCE,
      },
      countMeasure("WOMENS_COUNSELLING_CENTRES", "1 centre de conseil pour femmes pour 50 000 femmes", women, 50_000, counselling,
        "services d'accueil de jour (WELCOME_CENTRE) du département", `${COE_2008}, cité par mySociety Local Intelligence Hub`, common),
      countMeasure("RAPE_CRISIS_CENTRES", "1 centre d'aide aux victimes de viol pour 200 000 femmes", women, 200_000, rapeCrisis,
        "services du département traitant les violences sexuelles : accueil, consultation de victimologie ou ligne d'écoute", COE_2008, common),
      {
        key: "NATIONAL_HELPLINE",
        label: "Au moins une ligne nationale gratuite, 24h/24 et 7j/7, pour toutes les violences faites aux femmes",
        needed: 1,
        present: helplines.length,
        gap: Math.max(0, 1 - helplines.length),
        presentAtLeast: null,
        counted: `lignes d'écoute nationales ouvertes 24h/24 (${helplines.map((h) => h.name).sort().join(", ") || "aucune"})`,
        uncounted: [],
        basis: "NATIONAL",
        population,
        ...common,
        standardSource: HELPLINE_SOURCE,
      },
    ],
  };
}

function countMeasure(
  key: string,
  label: string,
  women: number,
  per: number,
  services: ServiceRow[],
  counted: string,
  standardSource: string,
  common: { populationYear: number; populationSource: string },
): StandardMeasure {
  const needed = Math.ceil(women / per);
  return {
    key,
    label,
    needed,
    present: services.length,
    gap: Math.max(0, needed - services.length),
    presentAtLeast: null,
    counted,
    uncounted: [],
    basis: "WOMEN_ESTIMATED_AS_HALF",
    population: women,
    ...common,
    standardSource,
  };
}
