/**
 * The typed step after the route query: decides, for each candidate service, whether it is in the
 * route or left out and why, evaluates its hours at the requested time, and orders the options of
 * each need. Pure: the same rows and request always give the same route.
 */
import type { DateTime } from "luxon";
import type { ChildrenPolicy, EmergencyContact, Gender, NeedCode, Proximity, ServiceKind, SituationCode, UncoveredNeed, Urgency } from "../../generated/graphql";
import { openingStatus, PARIS } from "../domain/opening-status";

export interface RouteRequestPlan {
  communeCode: string;
  communeName: string;
  departement: string;
  /** Whether Parcours covers the commune's département (functions/domain/territories.ts). */
  covered: boolean;
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
    kind: ServiceKind;
    gender: Gender | null;
    minAge: number | null;
    maxAge: number | null;
    children: ChildrenPolicy | null;
    referralRequired: boolean;
    referredBy: string | null;
    languages: string[];
    actsTonight: boolean;
    unverified: boolean;
    verifiedAt: string;
    situations: SituationCode[];
  };
  actor: { id: string };
  /** How it reaches her commune: serving it, her zone, her département, France. */
  areaReach: 0 | 1 | 2 | 3;
  places: { location: string; name: string; code: string; nearby: boolean }[];
  confidentialPlace: boolean;
  schedule: { openingHours: string | null; description: string | null } | null;
  capacity: { placesTotal: number | null; placesFree: number | null; updatedAt: string | null } | null;
}

/** A service of another commune that answers the need: only what its exclusion says is read. */
export interface OutOfReachRow {
  serviceId: string;
  actorId: string;
  /** A few of the territories it serves (the route query names three at most). */
  areaNames: string[];
  /** How many territories it serves, those named included. */
  areasServed: number;
  /** Its place in the route query's lookup: the communes of her zones first, then the others (referral-route.cypher). */
  lookupOrder: number;
}

export interface NeedRow {
  need: NeedCode;
  /** The services in reach that answer the need. */
  candidates: CandidateRow[];
  /** Services of other communes that answer it, as many as the route query looked at. */
  outOfReach: OutOfReachRow[];
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
  emergency: EmergencyContact[];
  steps: PlannedStep[];
  uncoveredNeeds: UncoveredNeed[];
  excluded: { serviceId: string; actorId: string; need: NeedCode; reasons: string[] }[];
  /** Whether `excluded` may leave out services that were left out (RANKING.md, section 1). */
  excludedTruncated: boolean;
}

/**
 * The bound of `excluded` (RANKING.md, section 1): per need, the services in reach left out first,
 * then those of other communes in the order the route query looked them up, at most this many.
 */
export const maxExcludedPerNeed = 5;

const proximities: Proximity[] = ["SAME_COMMUNE", "NEARBY", "DEPARTEMENT", "NATIONAL"];
const shelterNeeds = new Set<NeedCode>(["EMERGENCY_SHELTER", "HOUSING"]);

/**
 * Need × kind of service (RANKING.md): for each need, the kinds made for it, then the kinds that fit
 * it; any other kind that answers the need comes after them.
 */
export const kindFit: Record<NeedCode, readonly [madeFor: ServiceKind[], fits: ServiceKind[]]> = {
  IMMEDIATE_SAFETY: [["EMERGENCY_LINE"], ["PROTECTION_DEVICE", "EMERGENCY_VICTIM_SUPPORT"]],
  EMERGENCY_SHELTER: [["HOUSING_PLACES"], ["EMERGENCY_LINE"]],
  COMPLAINT: [["COMPLAINT_DESK"], ["ONLINE_REPORTING"]],
  MEDICAL_FORENSIC: [["FORENSIC_MEDICINE", "HEALTH_CARE"], ["WELCOME_CENTRE"]],
  LEGAL_ADVICE: [["LEGAL_PERMANENCE"], ["WELCOME_CENTRE", "LISTENING_LINE", "EMERGENCY_VICTIM_SUPPORT"]],
  LISTENING: [["LISTENING_LINE", "WELCOME_CENTRE"], ["EMERGENCY_VICTIM_SUPPORT", "SOCIAL_WORKER_PERMANENCE"]],
  PSYCHOLOGICAL: [["VICTIMOLOGY_CONSULTATION", "EMERGENCY_VICTIM_SUPPORT"], ["HEALTH_CARE", "WELCOME_CENTRE", "LISTENING_LINE"]],
  CHILD_PROTECTION: [["SOCIAL_SERVICE", "LISTENING_LINE"], ["HEALTH_CARE"]],
  SOCIAL_SUPPORT: [["SOCIAL_SERVICE", "SOCIAL_WORKER_PERMANENCE", "WELCOME_CENTRE"], ["HOUSING_PLACES", "EMPLOYMENT_SUPPORT"]],
  HOUSING: [["HOUSING_PLACES"], ["SOCIAL_SERVICE", "WELCOME_CENTRE"]],
  EMPLOYMENT: [["EMPLOYMENT_SUPPORT"], ["SOCIAL_SERVICE", "WELCOME_CENTRE"]],
  PERPETRATOR_FOLLOW_UP: [["PERPETRATOR_PROGRAMME"], []],
};

interface Evaluated {
  row: CandidateRow;
  need: NeedCode;
  proximity: Proximity;
  openNow: boolean | null;
  /** Read from the hours only for an option the route keeps (OpeningStatus.nextOpening). */
  readonly nextOpening: DateTime | null;
  unknownHoliday: string | null;
}

const isForMinors = (service: CandidateRow["service"]) => service.maxAge !== null && service.maxAge < 18;
const isMinor = (plan: RouteRequestPlan) => plan.age !== null && plan.age < 18;
/** The route is also for her children: a service for children then serves them, whatever her age. */
const concernsChildren = (plan: RouteRequestPlan, need: NeedCode) => need === "CHILD_PROTECTION" || plan.situations.includes("CHILD_EXPOSURE");

interface LeaveOutRule {
  rule: string;
  reason: (plan: RouteRequestPlan, need: NeedCode, row: CandidateRow) => string | null;
}

/** When a service in reach that answers the need is left out, in the order of RANKING.md, section 1. */
export const leaveOutRules: LeaveOutRule[] = [
  {
    rule: "minimum age",
    reason: (plan, _need, { service }) => (plan.age !== null && service.minAge !== null && plan.age < service.minAge ? `à partir de ${service.minAge} ans` : null),
  },
  {
    rule: "maximum age",
    reason: (plan, need, { service }) => {
      if (plan.age === null || service.maxAge === null || plan.age <= service.maxAge) return null;
      if (isForMinors(service)) return concernsChildren(plan, need) ? null : `service pour les mineurs (jusqu'à ${service.maxAge} ans)`;
      return `jusqu'à ${service.maxAge} ans`;
    },
  },
  {
    rule: "adult housing for a minor",
    reason: (plan, _need, { service }) =>
      isMinor(plan) && service.kind === "HOUSING_PLACES" && !isForMinors(service)
        ? "hébergement pour adultes : une mineure relève de la protection de l'enfance (ASE, 119)"
        : null,
  },
  { rule: "children", reason: (plan, _need, { service }) => (plan.withChildren === true && service.children === "NOT_ACCEPTED" ? "n'accueille pas les enfants" : null) },
  {
    rule: "languages",
    reason: (plan, _need, { service }) =>
      plan.languages.length > 0 && service.languages.length > 0 && !service.languages.some((l) => plan.languages.includes(l))
        ? `langues parlées : ${service.languages.join(", ")}`
        : null,
  },
  {
    rule: "free places",
    reason: (plan, need, { capacity }) =>
      capacity?.placesFree === 0 && shelterNeeds.has(need)
        ? `aucune place libre${plan.showsPlaceCounts && capacity.updatedAt ? ` (au ${frenchDate(capacity.updatedAt)})` : ""}`
        : null,
  },
  {
    rule: "mediation",
    reason: (_plan, _need, { service }) =>
      service.kind === "FAMILY_MEDIATION" ? "médiation familiale : jamais proposée en situation de violences (Convention d'Istanbul, art. 48)" : null,
  },
];

interface RankingCriterion {
  criterion: string;
  /** Lower comes first. */
  key: (plan: RouteRequestPlan, option: Evaluated) => number;
  /** The reason shown on an option this criterion puts ahead, or null when it says nothing. */
  reason: (plan: RouteRequestPlan, option: Evaluated) => string | null;
}

/** The order of a need's options, in the order of RANKING.md, section 2: the first criterion that differs decides. */
export const rankingCriteria: RankingCriterion[] = [
  {
    criterion: "acts tonight in danger",
    key: (plan, { row }) => (plan.urgency === "IMMEDIATE_DANGER" && !row.service.actsTonight ? 1 : 0),
    reason: (plan, { row }) => (row.service.actsTonight && (plan.urgency === "IMMEDIATE_DANGER" || isEveningOrWeekend(plan.at)) ? "peut agir ce soir" : null),
  },
  {
    criterion: "age fit",
    key: (plan, { row, need }) => {
      if (isMinor(plan)) return isForMinors(row.service) ? 0 : 1;
      return plan.age === null && !concernsChildren(plan, need) && isForMinors(row.service) ? 1 : 0;
    },
    reason: (plan, { row, need }) => {
      if (!isForMinors(row.service)) return null;
      if (isMinor(plan)) return "service pour les mineurs";
      return plan.age === null && !concernsChildren(plan, need) ? "service pour les enfants : proposé après les services pour adultes" : null;
    },
  },
  {
    criterion: "need × kind fit",
    key: (_plan, { row, need }) => kindTier(need, row.service.kind),
    reason: (_plan, { row, need }) => ["type de service fait pour ce besoin", "type de service adapté à ce besoin", null][kindTier(need, row.service.kind)]!,
  },
  { criterion: "open now", key: (_plan, { openNow }) => (openNow === true ? 0 : 1), reason: (_plan, option) => hoursReason(option) },
  { criterion: "direct access", key: (_plan, { row }) => (row.service.referralRequired ? 1 : 0), reason: (_plan, { row }) => referralReason(row) },
  {
    criterion: "specialised",
    key: (plan, { row }) => (row.service.situations.some((s) => plan.situations.includes(s)) ? 0 : 1),
    reason: (plan, { row }) => (row.service.situations.some((s) => plan.situations.includes(s)) ? "spécialisé dans cette situation" : null),
  },
  {
    criterion: "dedicated to women",
    key: (_plan, { row }) => (row.service.gender === "WOMEN" ? 0 : 1),
    reason: (_plan, { row }) => (row.service.gender === "WOMEN" ? "dédié aux femmes" : null),
  },
  { criterion: "proximity", key: (_plan, { proximity }) => proximities.indexOf(proximity), reason: (plan, { row, proximity }) => proximityReason(plan, row, proximity) },
];

function kindTier(need: NeedCode, kind: string): 0 | 1 | 2 {
  const [madeFor, fits] = kindFit[need];
  if ((madeFor as string[]).includes(kind)) return 0;
  return (fits as string[]).includes(kind) ? 1 : 2;
}

/**
 * `outOfReachCut`: the route query looked at its $outOfReachLookedAt services of other communes and
 * left others unread.
 */
export function rankRoute(plan: RouteRequestPlan, needs: NeedRow[], emergency: EmergencyRow[], outOfReachCut: boolean): PlannedRoute {
  const steps: PlannedStep[] = [];
  const uncoveredNeeds: PlannedRoute["uncoveredNeeds"] = [];
  const excluded: PlannedRoute["excluded"] = [];
  let excludedTruncated = outOfReachCut;

  for (const { need, candidates, outOfReach } of needs) {
    const included: Evaluated[] = [];
    const exclusionsInReach: PlannedRoute["excluded"] = [];
    for (const row of candidates) {
      const reasonsToLeaveOut = leaveOutRules.flatMap((r) => r.reason(plan, need, row) ?? []);
      if (reasonsToLeaveOut.length > 0) exclusionsInReach.push({ serviceId: row.service.id, actorId: row.actor.id, need, reasons: reasonsToLeaveOut });
      else included.push(evaluate(plan, need, row));
    }
    const exclusionsOfNeed = [...exclusionsInReach, ...[...outOfReach].sort((a, b) => a.lookupOrder - b.lookupOrder).map((row) => outOfReachExclusion(need, row))];
    const listed = exclusionsOfNeed.slice(0, maxExcludedPerNeed);
    excluded.push(...listed);
    if (exclusionsOfNeed.length > listed.length) excludedTruncated = true;
    if (included.length === 0) {
      uncoveredNeeds.push({ need, reason: uncoveredReason(plan, listed.map((exclusion) => exclusion.reasons)) });
      continue;
    }
    for (const option of inRankOrder(plan, included).slice(0, plan.maxOptionsPerNeed)) {
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
        reasons: reasonsOf(plan, option),
      });
    }
  }
  return { emergency: emergencyContacts(plan, emergency), steps, uncoveredNeeds, excluded, excludedTruncated };
}

/** A service of other communes only is out of reach, whatever else: its exclusion says that alone. */
function outOfReachExclusion(need: NeedCode, row: OutOfReachRow): PlannedRoute["excluded"][number] {
  return { serviceId: row.serviceId, actorId: row.actorId, need, reasons: [`hors secteur : réservé à ${servedAreas(row)}`] };
}

/** « Niort, Chauray, Aiffres et 42 autres territoires »: a listener reads the first names, not 45. */
function servedAreas({ areaNames, areasServed }: OutOfReachRow): string {
  const others = areasServed - areaNames.length;
  if (others <= 0) return areaNames.join(", ");
  return `${areaNames.join(", ")} et ${others} ${others === 1 ? "autre territoire" : "autres territoires"}`;
}

/** What the ranking compares; the reasons are written for the options the route keeps only. */
function evaluate(plan: RouteRequestPlan, need: NeedCode, row: CandidateRow): Evaluated {
  const status = openingStatus(row.schedule?.openingHours, plan.at);
  return {
    row,
    need,
    proximity: proximityOf(plan, row),
    openNow: status.openNow,
    get nextOpening() {
      return status.nextOpening;
    },
    unknownHoliday: status.unknownHoliday,
  };
}

function reasonsOf(plan: RouteRequestPlan, option: Evaluated): string[] {
  const { need, row } = option;
  const { service, capacity } = row;
  // The hours come first in what a listener reads; the other reasons follow the criteria's order.
  const reasons = [hoursReason(option), ...rankingCriteria.flatMap((c) => (c.criterion === "open now" ? [] : (c.reason(plan, option) ?? [])))];

  if (plan.withChildren === true && service.children === "ACCEPTED") reasons.push("accueille avec enfants");
  if (plan.withChildren === true && service.children === null && shelterNeeds.has(need)) reasons.push("accueil des enfants non précisé");
  if (shelterNeeds.has(need) && capacity) reasons.push(placesReason(plan, capacity));
  if (plan.languages.length > 0 && service.languages.length === 0) reasons.push("langues parlées non précisées");
  if (service.unverified) reasons.push(`information à revérifier (source du ${frenchDate(service.verifiedAt)})`);
  return reasons;
}

function hoursReason({ openNow, nextOpening, unknownHoliday, row: { schedule } }: Evaluated): string {
  if (schedule?.openingHours?.trim() === "24/7") return "ouvert 24h/24, 7j/7";
  if (unknownHoliday) return `jour férié (${unknownHoliday}) : horaires à confirmer`;
  if (openNow === true) return "ouvert maintenant";
  if (openNow === false) return nextOpening ? `fermé maintenant, ouvre ${frenchDateTime(nextOpening)}` : "fermé maintenant";
  return schedule?.description ? `horaires non structurés : ${schedule.description}` : "horaires inconnus";
}

function referralReason({ service }: CandidateRow): string | null {
  if (service.kind === "PROTECTION_DEVICE") return `${service.referredBy ?? "attribué sur décision d'une autorité"} : à demander, ne se réserve pas`;
  return service.referralRequired ? `sur orientation${service.referredBy ? ` : ${service.referredBy}` : ""}` : null;
}

/** The options by criteria, then by id; each option's keys worked out once, not at every comparison. */
function inRankOrder(plan: RouteRequestPlan, options: Evaluated[]): Evaluated[] {
  const keyed = options.map((option) => ({ option, id: option.row.service.id, keys: rankingCriteria.map(({ key }) => key(plan, option)) }));
  keyed.sort((a, b) => {
    for (let criterion = 0; criterion < a.keys.length; criterion++) {
      const difference = a.keys[criterion]! - b.keys[criterion]!;
      if (difference !== 0) return difference;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return keyed.map(({ option }) => option);
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
  return !plan.covered
    ? `Parcours ne couvre pas encore le département ${plan.departement} et aucun service national ne répond à ce besoin`
    : "aucun service recensé pour ce besoin dans ce département ni au niveau national";
}

function emergencyContacts(plan: RouteRequestPlan, rows: EmergencyRow[]): PlannedRoute["emergency"] {
  if (plan.urgency === "PLANNED") return [];
  return rows.map(emergencyContactOf);
}

/** An emergency line as the route shows it; also for the lines shipped with the function (referral-route.ts). */
export function emergencyContactOf(row: EmergencyRow): EmergencyContact {
  return {
    number: row.number,
    label: row.label,
    channel: row.channel,
    source: row.source,
    available: row.schedule?.openingHours === "24/7" ? "24h/24, 7j/7" : (row.schedule?.description ?? "horaires inconnus"),
  };
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

/** Next openings are shared by the routes of their minute (functions/domain/opening-status.ts): each is written out once. */
const frenchDateTimes = new WeakMap<DateTime, string>();

function frenchDateTime(at: DateTime): string {
  let text = frenchDateTimes.get(at);
  if (text === undefined) {
    text = at.setZone(PARIS).setLocale("fr").toFormat("cccc d LLLL 'à' HH'h'mm");
    frenchDateTimes.set(at, text);
  }
  return text;
}
