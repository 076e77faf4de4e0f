/**
 * What a service's opening hours give over an ordinary week: hours open, whether it answers at night
 * (between 22:00 and 06:00) and at weekends. Measured on a fixed week without public holidays
 * (Monday 12 to Sunday 18 January 2026), so that the figures do not change with the day they are
 * asked. opening_hours reads local Date fields; the week's dates are built from local fields too.
 */
import { parseOpeningHours } from "../domain/opening-hours";

export interface WeeklyOpening {
  weeklyHours: number;
  answersAtNight: boolean;
  answersAtWeekend: boolean;
}

const weekStart = new Date(2026, 0, 12);
const weekEnd = new Date(2026, 0, 19);
const NIGHT_STARTS = 22;
const NIGHT_ENDS = 6;
const byHours = new Map<string, WeeklyOpening | null>();

/** Null when the hours are unknown or do not parse. */
export function weeklyOpening(openingHours: string | null): WeeklyOpening | null {
  if (!openingHours) return null;
  let opening = byHours.get(openingHours);
  if (opening === undefined) {
    opening = measureWeek(openingHours);
    byHours.set(openingHours, opening);
  }
  return opening;
}

function measureWeek(openingHours: string): WeeklyOpening | null {
  let intervals: [Date, Date][];
  try {
    intervals = parseOpeningHours(openingHours)
      .getOpenIntervals(weekStart, weekEnd)
      .map(([from, to]) => [from, to] as [Date, Date]);
  } catch {
    return null;
  }
  let milliseconds = 0;
  let answersAtNight = false;
  let answersAtWeekend = false;
  for (const [from, to] of intervals) {
    milliseconds += to.getTime() - from.getTime();
    // Walk the interval by quarter hours (a week holds 672), and its last minute.
    const instants = [new Date(to.getTime() - 60_000)];
    for (let at = from.getTime(); at < to.getTime(); at += 900_000) instants.push(new Date(at));
    for (const at of instants) {
      if (at.getHours() >= NIGHT_STARTS || at.getHours() < NIGHT_ENDS) answersAtNight = true;
      if (at.getDay() === 0 || at.getDay() === 6) answersAtWeekend = true;
    }
  }
  return { weeklyHours: Math.round((milliseconds / 3_600_000) * 100) / 100, answersAtNight, answersAtWeekend };
}
