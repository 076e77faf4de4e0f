/**
 * `freshness(departement)`: the facts of a département by age of verification, scored as
 * data·inclusion does (1 under 6 months, falling linearly to 0 at 2 years), what lacks hours or a
 * count of places, and the progress of the verification campaign (markVerified since a day).
 */
import { DateTime } from "luxon";
import neo4j, { type Driver } from "neo4j-driver";
import { departementFactsCypher } from "../../generated/cypher";
import type { FactLabel, Freshness } from "../../generated/graphql";

const FULL_MONTHS = 6;
const ZERO_MONTHS = 24;
const DAYS_PER_MONTH = 365.25 / 12;
const PARIS = "Europe/Paris";

interface FactRow {
  label: FactLabel;
  id: string;
  about: string;
  verifiedAt: string;
  unverified: boolean;
  source: string;
}

/** 1 under 6 months, 0 from 24 months, linear between. */
export function freshnessScore(ageMonths: number): number {
  if (ageMonths < FULL_MONTHS) return 1;
  return Math.max(0, 1 - (ageMonths - FULL_MONTHS) / (ZERO_MONTHS - FULL_MONTHS));
}

export function monthsBetween(verifiedAt: string, today: DateTime): number {
  return Math.max(0, today.diff(DateTime.fromISO(verifiedAt, { zone: PARIS }), "days").days / DAYS_PER_MONTH);
}

export async function freshness(driver: Driver, departement: string, options: { offset: number; limit: number; since: string | null; timeout: number }, today = DateTime.now().setZone(PARIS).startOf("day")): Promise<Freshness> {
  const since = options.since ?? today.startOf("year").toISODate()!;
  const { records } = await driver.executeQuery(departementFactsCypher, { departement, since }, { routing: neo4j.routing.READ, transactionConfig: { timeout: options.timeout } });
  const record = records.find((r) => r.get("fact") === null);
  const facts = records.filter((r) => r !== record).map((r) => r.get("fact") as FactRow);
  // A date's age once: a département's facts share a few dates, and luxon's arithmetic is not cheap.
  const ageOfDate = new Map<string, number>();
  const ageMonthsOf = (verifiedAt: string) => {
    let age = ageOfDate.get(verifiedAt);
    if (age === undefined) ageOfDate.set(verifiedAt, (age = Math.round(monthsBetween(verifiedAt, today) * 10) / 10));
    return age;
  };
  const rows = facts.map((fact) => {
    const { verifiedAt } = fact;
    const ageMonths = ageMonthsOf(verifiedAt);
    return { label: fact.label, id: fact.id, about: fact.about, verifiedAt, ageMonths, score: Math.round(freshnessScore(ageMonths) * 1000) / 1000, unverified: fact.unverified, source: fact.source };
  });
  const toCheck = rows.filter((f) => f.score < 1 || f.unverified).sort((a, b) => a.verifiedAt.localeCompare(b.verifiedAt) || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  const verified = new Set(
    ((record?.get("verifications") ?? []) as string[]).flatMap((changes) => (JSON.parse(changes) as { label: string; node: string }[]).map((c) => `${c.label}|${c.node}`)),
  );
  return {
    departement,
    facts: rows.length,
    meanScore: rows.length === 0 ? 1 : Math.round((rows.reduce((sum, f) => sum + f.score, 0) / rows.length) * 1000) / 1000,
    toCheck: toCheck.slice(options.offset, options.offset + options.limit),
    unverifiedSources: rows.filter((f) => f.label === "Source" && f.unverified).map((f) => f.id).sort(),
    servicesWithoutHours: ((record?.get("servicesWithoutHours") ?? []) as string[]).sort(),
    servicesWithoutCapacity: ((record?.get("servicesWithoutCapacity") ?? []) as string[]).sort(),
    campaign: { since, toDo: toCheck.length, done: verified.size },
  };
}
