/**
 * Anonymous demand: each route request adds 1 per situation × need of its route to a count of the
 * day (Europe/Paris) × commune × situation × need × urgency × covered — nothing else, no subject, no
 * address, no time finer than the day. The route does not wait for the write: requests add to a
 * buffer in memory that one write at a time empties, so concurrent requests share a transaction and
 * a route never waits on a counter's lock. A Lambda environment frozen between invocations resumes
 * its pending write at the next one; tests and benchmarks await flushDemandCounts().
 */
import { DateTime } from "luxon";
import type { Driver } from "neo4j-driver";
import { addDemandCountsCypher } from "../../generated/cypher";
import { withoutOutageBreaker } from "../graph/outage-breaker";
import type { NeedCode, SituationCode, Urgency } from "../../generated/graphql";

export interface RouteDemand {
  communeCode: string;
  situations: SituationCode[];
  needs: NeedCode[];
  uncoveredNeeds: NeedCode[];
  urgency: Urgency;
}

interface PendingCount {
  key: string;
  day: string;
  communeCode: string;
  situation: SituationCode;
  need: NeedCode;
  urgency: string;
  covered: boolean;
  increment: number;
}

const PARIS = "Europe/Paris";
let pending = new Map<string, PendingCount>();
let writing: Promise<void> | null = null;

export function recordDemand(driver: Driver, demand: RouteDemand, now?: DateTime): void {
  const day = now ? now.setZone(PARIS).toISODate()! : today();
  for (const situation of demand.situations) {
    for (const need of demand.needs) {
      const covered = !demand.uncoveredNeeds.includes(need);
      const key = [day, demand.communeCode, situation, need, demand.urgency, covered].join("|");
      const count = pending.get(key);
      if (count) count.increment += 1;
      else pending.set(key, { key, day, communeCode: demand.communeCode, situation, need, urgency: demand.urgency, covered, increment: 1 });
    }
  }
  writing ??= writePending(driver);
}

/** Today's date in Paris, and the moment it ends: every route asks, and time zones cost a route's CPU. */
let todayInParis: { day: string; endsAt: number } | undefined;

function today(): string {
  const now = Date.now();
  if (!todayInParis || now >= todayInParis.endsAt) {
    const paris = DateTime.fromMillis(now, { zone: PARIS });
    todayInParis = { day: paris.toISODate()!, endsAt: paris.startOf("day").plus({ days: 1 }).toMillis() };
  }
  return todayInParis.day;
}

/** Resolves when every count recorded so far is in the graph. */
export async function flushDemandCounts(): Promise<void> {
  while (writing) await writing;
}

async function writePending(driver: Driver): Promise<void> {
  try {
    while (pending.size > 0) {
      const counts = [...pending.values()];
      pending = new Map();
      try {
        // Nobody waits for it: a failure during a restart must not have the breaker refuse the next routes.
        await withoutOutageBreaker(driver).executeQuery(addDemandCountsCypher, { counts });
      } catch (error) {
        // Counting must never break a route; the lost batch is said, without its content.
        console.error(JSON.stringify({ level: "ERROR", message: "demand counts not written", counts: counts.length, kind: (error as Error).name }));
      }
    }
  } finally {
    writing = null;
  }
}
