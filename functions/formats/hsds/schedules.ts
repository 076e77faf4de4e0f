/**
 * Opening hours between Parcours (OpenStreetMap opening_hours, "Mo-Fr 09:00-12:00,14:00-17:30") and
 * HSDS 3 schedules (weekly RRULE parts: byday, opens_at, closes_at). Only weekly hours translate; what
 * does not (public holidays, monthly rules) stays in words, never guessed.
 */
const days = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] as const;
type Day = (typeof days)[number];

export interface WeeklyHours {
  days: Day[];
  opensAt: string;
  closesAt: string;
}

/** "Mo,We-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00" as weekly hours; null when it says more than that. */
export function weeklyHoursOf(openingHours: string): WeeklyHours[] | null {
  const hours: WeeklyHours[] = [];
  for (const rule of openingHours.split(";").map((r) => r.trim())) {
    const match = /^([A-Z][a-z](?:-[A-Z][a-z])?(?:,[A-Z][a-z](?:-[A-Z][a-z])?)*) (\d{2}:\d{2}-\d{2}:\d{2}(?:,\d{2}:\d{2}-\d{2}:\d{2})*)$/.exec(rule);
    if (!match) return null;
    const ruleDays = expandDays(match[1]!);
    if (!ruleDays) return null;
    for (const range of match[2]!.split(",")) {
      const [opensAt, closesAt] = range.split("-") as [string, string];
      hours.push({ days: ruleDays, opensAt, closesAt });
    }
  }
  return hours;
}

/** Weekly hours in the one way Parcours writes them: days grouped by identical hours, in week order. */
export function openingHoursOf(hours: WeeklyHours[]): string {
  const rangesOf = new Map<Day, string[]>();
  for (const { days: ruleDays, opensAt, closesAt } of hours) {
    for (const day of ruleDays) rangesOf.set(day, [...(rangesOf.get(day) ?? []), `${opensAt}-${closesAt}`]);
  }
  const groups = new Map<string, Day[]>();
  for (const day of days) {
    const ranges = rangesOf.get(day);
    if (!ranges) continue;
    const key = [...new Set(ranges)].sort().join(",");
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  return [...groups].map(([ranges, groupDays]) => `${compressDays(groupDays)} ${ranges}`).join("; ");
}

export const hsdsDay = (day: Day) => day.toUpperCase();

export function dayOfHsds(value: string): Day | undefined {
  return days.find((d) => d.toUpperCase() === value.trim().toUpperCase());
}

function expandDays(spec: string): Day[] | null {
  const result: Day[] = [];
  for (const part of spec.split(",")) {
    const [from, to] = part.split("-").map((d) => days.indexOf(d as Day));
    if (from === undefined || from < 0 || (to !== undefined && to < from)) return null;
    for (let i = from; i <= (to ?? from); i++) result.push(days[i]!);
  }
  return result;
}

function compressDays(groupDays: Day[]): string {
  const runs: Day[][] = [];
  for (const day of groupDays) {
    const run = runs.at(-1);
    if (run && days.indexOf(run.at(-1)!) === days.indexOf(day) - 1) run.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length > 2 ? `${run[0]}-${run.at(-1)}` : run.join(","))).join(",");
}
