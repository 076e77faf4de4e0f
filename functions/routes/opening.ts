/**
 * Whether a service is open at a moment, and when it next opens, in Europe/Paris time whatever the
 * server's zone. opening_hours reads a Date's local fields, so it is handed a Date whose local
 * fields are the Paris wall-clock time, and its answer is read back the same way.
 */
import { DateTime } from "luxon";
import { parseOpeningHours } from "../dataset/opening-hours";

export const PARIS = "Europe/Paris";
const LOOKAHEAD_DAYS = 14;

export interface OpeningStatus {
  openNow: boolean | null;
  nextOpening: DateTime | null;
  alwaysOpen: boolean;
}

export function openingStatus(openingHours: string | null | undefined, at: DateTime): OpeningStatus {
  if (!openingHours) return { openNow: null, nextOpening: null, alwaysOpen: false };
  const hours = parsed(openingHours);
  const wallClock = toWallClockDate(at.setZone(PARIS));
  const openNow = hours.getState(wallClock);
  const alwaysOpen = openingHours.trim() === "24/7";
  if (openNow) return { openNow, nextOpening: null, alwaysOpen };
  const limit = new Date(wallClock.getTime() + LOOKAHEAD_DAYS * 86_400_000);
  const change = hours.getNextChange(wallClock, limit);
  return { openNow, nextOpening: change ? fromWallClockDate(change) : null, alwaysOpen };
}

const parsedHours = new Map<string, ReturnType<typeof parseOpeningHours>>();

/** Schedules are few and reused by every request: parse each once per container. */
function parsed(openingHours: string) {
  let hours = parsedHours.get(openingHours);
  if (!hours) {
    hours = parseOpeningHours(openingHours);
    parsedHours.set(openingHours, hours);
  }
  return hours;
}

function toWallClockDate(at: DateTime): Date {
  return new Date(at.year, at.month - 1, at.day, at.hour, at.minute, at.second);
}

function fromWallClockDate(date: Date): DateTime {
  return DateTime.fromObject(
    { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), hour: date.getHours(), minute: date.getMinutes() },
    { zone: PARIS },
  );
}
