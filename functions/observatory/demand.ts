/**
 * `demand(departement, from, to)`: the anonymous counts route requests left (demand-counts.ts), with
 * every count under 5 published as "< 5", and unmet demand (needs no service in reach answered) by
 * commune.
 */
import { DateTime } from "luxon";
import neo4j, { type Driver } from "neo4j-driver";
import type { Demand, NeedCode, SituationCode, Urgency } from "../../generated/graphql";
import { coveredTerritories } from "../domain/territories";
import { BadUserInput } from "../errors";

const MAX_DAYS = 366;
const MAX_COUNTS = 1000;
const SMALL = 5;

/** A count as published: under 5 it is not told exactly. */
export function publishedCount(count: number): string {
  return count < SMALL ? `< ${SMALL}` : String(count);
}

export async function demand(driver: Driver, departement: string, range: { from: string | null; to: string | null; timeout: number }): Promise<Demand> {
  const today = DateTime.now().setZone("Europe/Paris").startOf("day");
  const to = range.to ? DateTime.fromISO(range.to) : today;
  const from = range.from ? DateTime.fromISO(range.from) : to.minus({ days: 29 });
  const days = to.diff(from, "days").days;
  if (days < 0 || days >= MAX_DAYS) {
    const reason = `must give a period of 1 to ${MAX_DAYS} days, from before to`;
    throw new BadUserInput(`Invalid argument: from and to ${reason}.`, { field: "from", reason });
  }
  const { records } = await driver.executeQuery(
    `MATCH (count:DemandCount)
     WHERE count.communeCode STARTS WITH $departement AND count.day >= date($from) AND count.day <= date($to)
     RETURN toString(count.day) AS day, count.communeCode AS communeCode, count.situation AS situation, count.need AS need,
            count.urgency AS urgency, count.covered AS covered, count.count AS count
     ORDER BY day DESC, communeCode, situation, need, urgency, covered`,
    { departement, from: from.toISODate(), to: to.toISODate() },
    { routing: neo4j.routing.READ, transactionConfig: { timeout: range.timeout } },
  );
  const rows = records.map((r) => r.toObject() as { day: string; communeCode: string; situation: SituationCode; need: NeedCode; urgency: Urgency; covered: boolean; count: number });
  const unmet = new Map<string, number>();
  for (const row of rows.filter((r) => !r.covered)) unmet.set(row.communeCode, (unmet.get(row.communeCode) ?? 0) + row.count);
  const names = new Map(coveredTerritories().map((t) => [t.code, t.name]));
  return {
    departement,
    from: from.toISODate()!,
    to: to.toISODate()!,
    counts: rows.slice(0, MAX_COUNTS).map((row) => ({ ...row, count: publishedCount(row.count) })),
    unmetByCommune: [...unmet.entries()]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([communeCode, count]) => ({ communeCode, communeName: names.get(communeCode) ?? communeCode, count: publishedCount(count) })),
  };
}
