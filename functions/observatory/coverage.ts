/**
 * `coverage(departement)`: for every commune × need of a département, the best reach a service gives
 * (in the commune, its zone, the département, national only, none), the services behind it, their
 * hours and places, and the gaps, ordered by the inhabitants left without a local answer. One read
 * of the graph; the figures are worked out here. A page of communes asked without the département's
 * figures (a chosen cell's details) reads only what its cells need: `communesCoverageOf`.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { coverageCommunesCypher, coverageServicesCypher } from "../../generated/cypher";
import { coverageReachValues } from "../../generated/enums";
import type { Coverage, CoverageCell, CoverageCommune, CoverageReach, CoverageService, NeedCode, ServiceKind, SituationCode } from "../../generated/graphql";
import { coveredTerritories } from "../domain/territories";
import { POPULATION_SOURCE, POPULATION_YEAR, populationOf } from "./populations";
import { weeklyOpening } from "./weekly-opening";

/** Nearest first, as the enum lists them. */
const reaches = coverageReachValues;
const localReaches = new Set<CoverageReach>(["IN_COMMUNE", "IN_ZONE"]);
const MAX_SERVICES_SHOWN = 20;

export const REACH_SOURCE = "Graphe Parcours : zones desservies par les services (Service SERVES Territory), territoires INSEE";
const PLACES_SOURCE = "Graphe Parcours : places (Capacity) des services d'hébergement en portée qui les comptent";

export interface ServiceRow {
  id: string;
  name: string;
  kind: ServiceKind;
  audience: string;
  actsTonight: boolean;
  source: string;
  verifiedAt: string;
  providerIds: string[];
  actorName: string;
  needs: NeedCode[];
  situations: SituationCode[];
  areas: { code: string; level: string }[];
  openingHours: string | null;
  capacity: { placesTotal: number | null; placesFree: number | null } | null;
}

export interface CommuneRow {
  code: string;
  name: string;
  zones: string[];
}

export interface CoverageGraph {
  communes: CommuneRow[];
  services: ServiceRow[];
  needs: { code: NeedCode; routeOrder: number; label: string }[];
}

/** The whole département's graph; with `communesPage`, only that page of its communes and what their cells need. */
export async function readCoverageGraph(driver: Driver, departement: string, timeout: number, communesPage?: Page): Promise<CoverageGraph> {
  const config = { routing: neo4j.routing.READ, transactionConfig: { timeout } };
  let communes: string[] | null = null;
  if (communesPage) {
    const { records } = await driver.executeQuery(coverageCommunesCypher, { departement }, config);
    communes = records.map((r) => r.get("code") as string).sort(compare).slice(communesPage.offset, communesPage.offset + communesPage.limit);
    if (communes.length === 0) return { communes: [], services: [], needs: [] };
  }
  const { records } = await driver.executeQuery(coverageServicesCypher, { departement, page: { communes } }, config);
  const record = records[0];
  if (!record) return { communes: [], services: [], needs: [] };
  return { communes: record.get("communes"), services: record.get("services"), needs: record.get("needs") };
}

/** Which page of a list to give: the gaps, or the communes whose cells are given. */
export interface Page {
  offset: number;
  limit: number;
}

/** localeCompare's order, from one collator rather than one per call. */
const compare = new Intl.Collator().compare;

/** The fields of Coverage that a page of communes gives alone, without the rest of the département. */
export const communesCoverageFields = ["departement", "situation", "cells", "services", "populationSource", "populationYear", "reachSource"] as const;
export type CommunesCoverage = Pick<Coverage, (typeof communesCoverageFields)[number]>;
/** What the coverage resolver gives: the whole département's coverage, or a page of communes asked alone. */
export type CoverageResult = Coverage | CommunesCoverage;

/** Every cell of the graph's communes (a page of them, from `readCoverageGraph`) and the services they name. */
export function communesCoverageOf(graph: CoverageGraph, departement: string, situation: SituationCode | null): CommunesCoverage {
  const { cells, described } = cellsOf(graph, departement, situation);
  return shown(departement, situation, cells, described);
}

export function coverageOf(graph: CoverageGraph, departement: string, situation: SituationCode | null, gapsPage: Page, communesPage: Page): Coverage {
  const { cells, described } = cellsOf(graph, departement, situation);
  const gaps = cells
    .filter((c) => c.gap)
    .sort((a, b) => (b.population.value ?? 0) - (a.population.value ?? 0) || reaches.indexOf(b.reach) - reaches.indexOf(a.reach) || compare(a.communeCode, b.communeCode));
  const gapsOfCommune = new Map<string, number>();
  for (const gap of gaps) gapsOfCommune.set(gap.communeCode, (gapsOfCommune.get(gap.communeCode) ?? 0) + 1);
  const communes = graph.communes.map((commune) => communeOf(commune, gapsOfCommune.get(commune.code) ?? 0)).sort((a, b) => compare(a.code, b.code));
  const communesShown = new Set(communes.slice(communesPage.offset, communesPage.offset + communesPage.limit).map((c) => c.code));
  const cellsShown = communesShown.size === communes.length ? cells : cells.filter((c) => communesShown.has(c.communeCode));
  return {
    ...shown(departement, situation, cellsShown, described),
    communes,
    gaps: gaps.slice(gapsPage.offset, gapsPage.offset + gapsPage.limit),
    gapsTotal: gaps.length,
  };
}

function shown(departement: string, situation: SituationCode | null, cells: CoverageCell[], described: CoverageService[]): CommunesCoverage {
  const named = new Set(cells.flatMap((c) => c.serviceIds));
  return {
    departement,
    situation,
    cells,
    services: described.filter((s) => named.has(s.id)).sort((a, b) => compare(a.id, b.id)),
    populationSource: POPULATION_SOURCE, populationYear: POPULATION_YEAR, reachSource: REACH_SOURCE };
}

/** Every commune × need of the graph, by commune code then need's route order, and the services in name order. */
function cellsOf(graph: CoverageGraph, departement: string, situation: SituationCode | null): { cells: CoverageCell[]; described: CoverageService[] } {
  const services = graph.services
    .filter((s) => s.kind !== "FAMILY_MEDIATION" && (situation === null || s.situations.includes(situation)))
    .map((row) => ({ row, described: serviceOf(row) }))
    // In name order once, so that each cell's services are; equal names by id, whichever read gave them.
    .sort((a, b) => compare(a.described.name, b.described.name) || compare(a.described.id, b.described.id));
  const areas = services.map((s) => areasOf(s.row));
  const answeringOfNeed = graph.needs.map(({ code: need }) => {
    const audiences = need === "PERPETRATOR_FOLLOW_UP" ? ["PERPETRATORS"] : ["VICTIMS", "GENERAL_PUBLIC"];
    return { need, answering: services.flatMap((s, index) => (s.row.needs.includes(need) && audiences.includes(s.row.audience) ? [index] : [])) };
  });
  const described = services.map((s) => s.described);
  const cells: CoverageCell[] = [];
  // A service's reach of a commune does not depend on the need: computed once per commune, as its
  // rank in `reaches`. A cell reads its services by index: a France-sized département holds
  // thousands of services in reach of each of its ~8 000 cells, too many to copy per cell.
  const reachRanks = new Array<number>(services.length);
  for (const commune of graph.communes) {
    for (let index = 0; index < areas.length; index++) reachRanks[index] = reaches.indexOf(reachIn(areas[index]!, commune, departement));
    for (const { need, answering } of answeringOfNeed) cells.push(cellOf(commune, need, answering, reachRanks, described));
  }
  const needOrder = new Map(graph.needs.map((n, index) => [n.code, index]));
  cells.sort((a, b) => compare(a.communeCode, b.communeCode) || needOrder.get(a.need)! - needOrder.get(b.need)!);
  return { cells, described };
}

export interface ServedAreas {
  codes: Set<string>;
  national: boolean;
}

export function areasOf(service: ServiceRow): ServedAreas {
  return { codes: new Set(service.areas.map((a) => a.code)), national: service.areas.some((a) => a.level === "NATIONAL") };
}

export function reachIn({ codes, national }: ServedAreas, commune: CommuneRow, departement: string): CoverageReach {
  if (codes.has(commune.code)) return "IN_COMMUNE";
  if (commune.zones.some((zone) => codes.has(zone))) return "IN_ZONE";
  if (codes.has(departement)) return "DEPARTEMENT";
  if (national) return "NATIONAL_ONLY";
  return "NONE";
}

const NO_REACH = reaches.indexOf("NONE");

/**
 * `answering`: the indexes, in `services` (in name order), of the services that answer the need;
 * `reachRanks`: each service's reach of the commune, as its rank in `reaches`.
 */
function cellOf(commune: CommuneRow, need: NeedCode, answering: readonly number[], reachRanks: readonly number[], services: readonly CoverageService[]): CoverageCell {
  let bestRank = NO_REACH;
  for (const index of answering) bestRank = Math.min(bestRank, reachRanks[index]!);
  const reach = reaches[bestRank]!;
  const serviceIds: string[] = [];
  let servicesInReach = 0;
  let weeklyHours: number | null = null;
  let withHours = false;
  let atNight = false;
  let atWeekend = false;
  let placesTotal: number | null = null;
  let placesFree: number | null = null;
  for (const index of answering) {
    const rank = reachRanks[index]!;
    if (rank === NO_REACH) continue;
    const s = services[index]!;
    servicesInReach += 1;
    if (s.weeklyHours !== null) withHours = true;
    if (s.answersAtNight === true) atNight = true;
    if (s.answersAtWeekend === true) atWeekend = true;
    if (s.placesTotal !== null) placesTotal = (placesTotal ?? 0) + s.placesTotal!;
    if (s.placesFree !== null) placesFree = (placesFree ?? 0) + s.placesFree!;
    if (rank !== bestRank) continue;
    if (serviceIds.length < MAX_SERVICES_SHOWN) serviceIds.push(s.id);
    if (s.weeklyHours !== null) weeklyHours = (weeklyHours ?? 0) + s.weeklyHours!;
  }
  const population = populationOf(commune.code);
  const gap = !localReaches.has(reach);
  return {
    communeCode: commune.code,
    communeName: commune.name,
    need,
    reach,
    serviceIds,
    servicesInReach,
    weeklyHours: weeklyHours === null ? null : round(weeklyHours),
    answersAtNight: atNight ? true : withHours ? false : null,
    answersAtWeekend: atWeekend ? true : withHours ? false : null,
    placesTotal: { value: placesTotal, source: PLACES_SOURCE },
    placesFree: { value: placesFree, source: PLACES_SOURCE },
    population: { value: population, source: `${POPULATION_SOURCE}, population municipale` },
    gap,
    explanation: gap ? explanationOf(reach, commune.name, servicesInReach) : null,
  };
}

const zoneNames = new Map(coveredTerritories().filter((t) => t.level === "ZONE").map((t) => [t.code, t.name]));

/** A commune with its établissement public territorial (the INSEE zone; the sources' antenne sectors are not a partition). */
function communeOf(commune: CommuneRow, gaps: number): CoverageCommune {
  const zoneCode = commune.zones.find((zone) => zoneNames.has(zone)) ?? null;
  return {
    code: commune.code,
    name: commune.name,
    zoneCode,
    zoneName: zoneCode ? zoneNames.get(zoneCode)! : null,
    population: { value: populationOf(commune.code), source: `${POPULATION_SOURCE}, population municipale` },
    needsWithoutLocalAnswer: gaps,
  };
}

function serviceOf(row: ServiceRow): CoverageService {
  const opening = weeklyOpening(row.openingHours);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    actorName: row.actorName,
    weeklyHours: opening?.weeklyHours ?? null,
    answersAtNight: row.actsTonight ? true : (opening?.answersAtNight ?? null),
    answersAtWeekend: opening?.answersAtWeekend ?? null,
    placesTotal: row.capacity?.placesTotal ?? null,
    placesFree: row.capacity?.placesFree ?? null,
    source: row.source,
    verifiedAt: row.verifiedAt,
  };
}

function explanationOf(reach: CoverageReach, communeName: string, inReach: number): string {
  switch (reach) {
    case "DEPARTEMENT":
      return `Aucun service de ${communeName} ni de son territoire : seuls des services départementaux répondent (${inReach} en portée).`;
    case "NATIONAL_ONLY":
      return `Aucun service local ni départemental : seules des lignes ou services nationaux répondent (${inReach} en portée).`;
    default:
      return "Aucun service du graphe ne répond à ce besoin pour cette commune.";
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

