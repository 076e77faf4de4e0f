/**
 * The typed step after the route query: decides, for each candidate service, whether it is in the
 * route or left out and why, evaluates its hours at the requested time, and orders the options of
 * each need. Pure: the same rows and request always give the same route.
 */
import type { DateTime } from "luxon";
import type { NeedCode, SituationCode } from "../dataset/schema";
import { coveredDepartements } from "../dataset/territories";
import { openingStatus, PARIS } from "./opening";

export type Urgency = "IMMEDIATE_DANGER" | "URGENT" | "PLANNED";
export type Proximity = "SAME_COMMUNE" | "NEARBY" | "DEPARTEMENT" | "NATIONAL";

export interface RouteRequestPlan {
  communeCode: string;
  communeName: string;
  departement: string;
  situations: SituationCode[];
  urgency: Urgency;
  at: DateTime;
  withChildren: boolean | null;
  age: number | null;
  languages: string[];
  maxOptionsPerNeed: number;
  /** Whether the caller may see how many places are free (professionals), or only whether some are. */
  showsPlaceCounts: boolean;
}

export interface CandidateRow {
  service: {
    id: string;
    name: string;
    kind: string;
    gender: string | null;
    minAge: number | null;
    maxAge: number | null;
    children: "ACCEPTED" | "NOT_ACCEPTED" | null;
    referralRequired: boolean;
    referredBy: string | null;
    languages: string[];
    actsTonight: boolean;
    unverified: boolean;
    verifiedAt: string;
    situations: SituationCode[];
  };
  actor: { id: string; name: string };
  areaNames: string[];
  areaReach: 0 | 1 | 2 | 3 | null;
  places: { location: string; name: string; code: string; nearby: boolean }[];
  confidentialPlace: boolean;
  schedule: { openingHours: string | null; description: string | null } | null;
  capacity: { placesTotal: number | null; placesFree: number | null; updatedAt: string | null } | null;
}

export interface NeedRow {
  need: NeedCode;
  candidates: CandidateRow[];
}

export interface EmergencyRow {
  number: string;
  label: string;
  channel: "PHONE" | "SMS";
  source: string;
  schedule: { openingHours: string | null; description: string | null } | null;
}

export interface PlannedStep {
  rank: number;
  need: NeedCode;
  serviceId: string;
  actorId: string;
  openNow: boolean | null;
  nextOpening: string | null;
  placesFree: number | null;
  proximity: Proximity;
  referralOnly: boolean;
  reasons: string[];
}

export interface PlannedRoute {
  emergency: { number: string; label: string; available: string; channel: "PHONE" | "SMS"; source: string }[];
  steps: PlannedStep[];
  uncoveredNeeds: { need: NeedCode; reason: string }[];
  excluded: { serviceId: string; actorId: string; need: NeedCode; reasons: string[] }[];
}

const proximities: Proximity[] = ["SAME_COMMUNE", "NEARBY", "DEPARTEMENT", "NATIONAL"];
const shelterNeeds = new Set<NeedCode>(["EMERGENCY_SHELTER", "HOUSING"]);

interface Evaluated {
  row: CandidateRow;
  proximity: Proximity;
  openNow: boolean | null;
  nextOpening: DateTime | null;
  situationMatches: number;
  reasons: string[];
}

export function rankRoute(plan: RouteRequestPlan, needs: NeedRow[], emergency: EmergencyRow[]): PlannedRoute {
  const steps: PlannedStep[] = [];
  const uncoveredNeeds: PlannedRoute["uncoveredNeeds"] = [];
  const excluded: PlannedRoute["excluded"] = [];

  for (const { need, candidates } of needs) {
    const included: Evaluated[] = [];
    const exclusionsOfNeed: string[][] = [];
    for (const row of candidates) {
      const reasonsToLeaveOut = exclusionReasons(plan, need, row);
      if (reasonsToLeaveOut.length > 0) {
        excluded.push({ serviceId: row.service.id, actorId: row.actor.id, need, reasons: reasonsToLeaveOut });
        exclusionsOfNeed.push(reasonsToLeaveOut);
      } else {
        included.push(evaluate(plan, need, row));
      }
    }
    if (included.length === 0) {
      uncoveredNeeds.push({ need, reason: uncoveredReason(plan, exclusionsOfNeed) });
      continue;
    }
    for (const option of included.sort(byPreference(plan)).slice(0, plan.maxOptionsPerNeed)) {
      steps.push({
        rank: steps.length + 1,
        need,
        serviceId: option.row.service.id,
        actorId: option.row.actor.id,
        openNow: option.openNow,
        nextOpening: option.nextOpening?.toISO() ?? null,
        placesFree: plan.showsPlaceCounts ? (option.row.capacity?.placesFree ?? null) : null,
        proximity: option.proximity,
        referralOnly: option.row.service.referralRequired,
        reasons: option.reasons,
      });
    }
  }
  return { emergency: emergencyContacts(plan, emergency), steps, uncoveredNeeds, excluded };
}

function exclusionReasons(plan: RouteRequestPlan, need: NeedCode, row: CandidateRow): string[] {
  const { service, capacity } = row;
  const reasons: string[] = [];
  if (row.areaReach === null) reasons.push(`hors secteur : réservé à ${row.areaNames.join(", ")}`);
  if (plan.age !== null && service.minAge !== null && plan.age < service.minAge) reasons.push(`à partir de ${service.minAge} ans`);
  if (plan.age !== null && service.maxAge !== null && plan.age > service.maxAge) reasons.push(`jusqu'à ${service.maxAge} ans`);
  if (plan.withChildren === true && service.children === "NOT_ACCEPTED") reasons.push("n'accueille pas les enfants");
  if (plan.languages.length > 0 && service.languages.length > 0 && !service.languages.some((l) => plan.languages.includes(l))) {
    reasons.push(`langues parlées : ${service.languages.join(", ")}`);
  }
  if (capacity?.placesFree === 0 && shelterNeeds.has(need)) {
    reasons.push(`aucune place libre${plan.showsPlaceCounts && capacity.updatedAt ? ` (au ${frenchDate(capacity.updatedAt)})` : ""}`);
  }
  return reasons;
}

function evaluate(plan: RouteRequestPlan, need: NeedCode, row: CandidateRow): Evaluated {
  const { service, capacity, schedule } = row;
  const status = openingStatus(schedule?.openingHours, plan.at);
  const proximity = proximityOf(plan, row);
  const reasons: string[] = [];

  if (status.alwaysOpen) reasons.push("ouvert 24h/24, 7j/7");
  else if (status.openNow === true) reasons.push("ouvert maintenant");
  else if (status.openNow === false) {
    reasons.push(status.nextOpening ? `fermé maintenant, ouvre ${frenchDateTime(status.nextOpening)}` : "fermé maintenant");
  } else reasons.push(schedule?.description ? `horaires non structurés : ${schedule.description}` : "horaires inconnus");
  if (service.actsTonight && (plan.urgency === "IMMEDIATE_DANGER" || isEveningOrWeekend(plan.at))) reasons.push("peut agir ce soir");

  reasons.push(proximityReason(plan, row, proximity));
  if (service.kind === "PROTECTION_DEVICE") {
    reasons.push(`${service.referredBy ?? "attribué sur décision d'une autorité"} : à demander, ne se réserve pas`);
  } else if (service.referralRequired) {
    reasons.push(`sur orientation${service.referredBy ? ` : ${service.referredBy}` : ""}`);
  }
  if (plan.withChildren === true && service.children === "ACCEPTED") reasons.push("accueille avec enfants");
  if (plan.withChildren === true && service.children === null && shelterNeeds.has(need)) reasons.push("accueil des enfants non précisé");
  if (shelterNeeds.has(need) && capacity) reasons.push(placesReason(plan, capacity));
  if (plan.languages.length > 0 && service.languages.length === 0) reasons.push("langues parlées non précisées");
  const situationMatches = service.situations.filter((s) => plan.situations.includes(s)).length;
  if (situationMatches > 0) reasons.push("spécialisé dans cette situation");
  if (service.unverified) reasons.push(`information à revérifier (source du ${frenchDate(service.verifiedAt)})`);

  return { row, proximity, openNow: status.openNow, nextOpening: status.nextOpening, situationMatches, reasons };
}

/**
 * Safety first: what acts tonight when she is in danger; then open before closed or unknown, direct
 * before referral, services that know her situation before generalists, near before far.
 */
function byPreference(plan: RouteRequestPlan) {
  return (a: Evaluated, b: Evaluated): number => {
    const keys = (e: Evaluated) => [
      plan.urgency === "IMMEDIATE_DANGER" && !e.row.service.actsTonight ? 1 : 0,
      e.openNow === true ? 0 : 1,
      e.row.service.referralRequired ? 1 : 0,
      e.situationMatches > 0 ? 0 : 1,
      proximities.indexOf(e.proximity),
      e.row.service.gender === "WOMEN" ? 0 : 1,
    ];
    const [ka, kb] = [keys(a), keys(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return a.row.service.id < b.row.service.id ? -1 : a.row.service.id > b.row.service.id ? 1 : 0;
  };
}

function proximityOf(plan: RouteRequestPlan, row: CandidateRow): Proximity {
  if (row.areaReach === 0 || row.places.some((p) => p.code === plan.communeCode)) return "SAME_COMMUNE";
  if (row.areaReach === 1 || row.places.some((p) => p.nearby)) return "NEARBY";
  return row.areaReach === 3 ? "NATIONAL" : "DEPARTEMENT";
}

function proximityReason(plan: RouteRequestPlan, row: CandidateRow, proximity: Proximity): string {
  const here = row.places.filter((p) => p.code === plan.communeCode);
  const near = row.places.filter((p) => p.nearby);
  switch (proximity) {
    case "SAME_COMMUNE":
      return here.length > 0 ? `à ${plan.communeName} : ${here.map((p) => p.location).join(", ")}` : `sert ${plan.communeName}`;
    case "NEARBY":
      return near.length > 0 ? `à proximité : ${near.map((p) => p.location).join(", ")}` : "sert ce territoire";
    case "DEPARTEMENT":
      return row.confidentialPlace ? "couvre le département (lieu d'accueil confidentiel)" : "couvre tout le département";
    case "NATIONAL":
      return "service national, joignable de partout";
  }
}

function uncoveredReason(plan: RouteRequestPlan, exclusions: string[][]): string {
  if (exclusions.length > 0) {
    const reasons = [...new Set(exclusions.flat())].sort();
    return `aucun service accessible : ${reasons.join(" ; ")}`;
  }
  return !(coveredDepartements as readonly string[]).includes(plan.departement)
    ? `Parcours ne couvre pas encore le département ${plan.departement} et aucun service national ne répond à ce besoin`
    : "aucun service recensé pour ce besoin dans ce département ni au niveau national";
}

function emergencyContacts(plan: RouteRequestPlan, rows: EmergencyRow[]): PlannedRoute["emergency"] {
  if (plan.urgency === "PLANNED") return [];
  return rows.map((row) => ({
    number: row.number,
    label: row.label,
    channel: row.channel,
    source: row.source,
    available: row.schedule?.openingHours === "24/7" ? "24h/24, 7j/7" : (row.schedule?.description ?? "horaires inconnus"),
  }));
}

function placesReason(plan: RouteRequestPlan, capacity: NonNullable<CandidateRow["capacity"]>): string {
  if (capacity.placesFree === null) return "places libres : inconnu";
  if (!plan.showsPlaceCounts) return "places libres : oui";
  return `${capacity.placesFree} place(s) libre(s)${capacity.updatedAt ? ` au ${frenchDate(capacity.updatedAt)}` : ""}`;
}

function isEveningOrWeekend(at: DateTime): boolean {
  const paris = at.setZone(PARIS);
  return paris.weekday >= 6 || paris.hour >= 19 || paris.hour < 8;
}

function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}/${month}/${year}`;
}

function frenchDateTime(at: DateTime): string {
  return at.setZone(PARIS).setLocale("fr").toFormat("cccc d LLLL 'à' HH'h'mm");
}
