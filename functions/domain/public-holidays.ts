/**
 * The public holidays of metropolitan France, from @socialgouv/jours-feries. The Alsace-Moselle
 * extra days (Vendredi saint, Saint-Étienne) apply to the Moselle and the two Rhin départements only,
 * none of which Parcours covers; a request outside coverage gets national lines, which say their hours.
 */
import joursFeries from "@socialgouv/jours-feries";
import type { DateTime } from "luxon";

const holidaysByYear = new Map<number, Map<string, string>>();

/** The name of the public holiday on that Paris date ("Noël"), or null on an ordinary day. */
export function publicHolidayOn(date: DateTime): string | null {
  let holidays = holidaysByYear.get(date.year);
  if (!holidays) {
    holidays = new Map();
    for (const [name, day] of Object.entries(joursFeries(date.year, { alsace: false }))) {
      // The library builds local midnights and adds whole days of milliseconds: noon is safe from a
      // daylight saving change in the server's zone.
      const noon = new Date(day.getTime() + 12 * 3_600_000);
      holidays.set(isoDay(noon.getFullYear(), noon.getMonth() + 1, noon.getDate()), name);
    }
    holidaysByYear.set(date.year, holidays);
  }
  return holidays.get(isoDay(date.year, date.month, date.day)) ?? null;
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
