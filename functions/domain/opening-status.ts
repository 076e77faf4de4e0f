/**
 * Whether a service is open at a moment, and when it next opens, in Europe/Paris time whatever the
 * server's zone. opening_hours reads a Date's local fields, so it is handed a Date whose local
 * fields are the Paris wall-clock time, and its answer is read back the same way.
 *
 * Public holidays (publicHolidayOn): hours with a `PH` rule say themselves what happens on one
 * (`PH off` closed, `PH 10:00-12:00` open); hours without one do not, so on a public holiday the
 * service is neither open nor closed but to be confirmed, and a next opening is never on a holiday.
 */
import { DateTime } from "luxon";
import { parseOpeningHours } from "./opening-hours";
import { publicHolidayOn } from "./public-holidays";

export const PARIS = "Europe/Paris";
const LOOKAHEAD_DAYS = 14;
/** Enough state changes to cross two weeks of split days and a few holidays. */
const MAX_CHANGES = 80;

export interface OpeningStatus {
  openNow: boolean | null;
  nextOpening: DateTime | null;
  alwaysOpen: boolean;
  /** The public holiday of the request's day when the hours do not say whether it is open then. */
  unknownHoliday: string | null;
}

/**
 * Statuses by minute of Paris time and schedule: hours change state only at whole minutes, and the
 * routes of one minute evaluate the same few schedules again and again (bounded: emptied when full).
 */
const statusesOfMinutes = new Map<string, OpeningStatus>();
const maxStatuses = 10_000;

/** What a route reads of a schedule at its moment: shared by the routes of the same minute, never to be changed. */
export function openingStatus(openingHours: string | null | undefined, at: DateTime): Readonly<OpeningStatus> {
  if (!openingHours) return { openNow: null, nextOpening: null, alwaysOpen: false, unknownHoliday: null };
  const moment = inParis(at);
  const key = `${Math.floor(moment.wallClock / 60_000)}\n${openingHours}`;
  let status = statusesOfMinutes.get(key);
  if (!status) {
    status = statusAt(openingHours, moment);
    if (statusesOfMinutes.size >= maxStatuses) statusesOfMinutes.clear();
    statusesOfMinutes.set(key, status);
  }
  return status;
}

function statusAt(openingHours: string, moment: MomentInParis): OpeningStatus {
  const hours = parsed(openingHours);
  const wallClock = new Date(moment.wallClock);
  const alwaysOpen = openingHours.trim() === "24/7";
  const saysHolidays = alwaysOpen || /\bPH\b/.test(openingHours);
  const holiday = saysHolidays ? null : moment.holiday;
  const openNow = hours.getState(wallClock);
  if (openNow && !holiday) return { openNow, nextOpening: null, alwaysOpen, unknownHoliday: null };

  let nextOpening: DateTime | null | undefined;
  return {
    openNow: holiday ? null : openNow,
    // Worked out when first read: a route orders all its options by openNow, and shows the next
    // opening of the few it keeps.
    get nextOpening() {
      if (nextOpening === undefined) nextOpening = nextOpeningAfter(hours, wallClock, saysHolidays);
      return nextOpening;
    },
    alwaysOpen,
    unknownHoliday: holiday,
  };
}

function nextOpeningAfter(hours: ReturnType<typeof parseOpeningHours>, wallClock: Date, saysHolidays: boolean): DateTime | null {
  const limit = new Date(wallClock.getTime() + LOOKAHEAD_DAYS * 86_400_000);
  let from = wallClock;
  for (let i = 0; i < MAX_CHANGES; i++) {
    const change = hours.getNextChange(from, limit);
    if (!change) break;
    from = change;
    if (!hours.getState(change)) continue;
    const opening = fromWallClockDate(change);
    if (saysHolidays || !publicHolidayOn(opening)) return opening;
  }
  return null;
}

interface MomentInParis {
  /** The Paris wall-clock time, as the milliseconds of a local Date (toWallClockDate). */
  wallClock: number;
  holiday: string | null;
}

/** A route evaluates every service's hours at the same moment: its Paris time is worked out once. */
const momentsInParis = new WeakMap<DateTime, MomentInParis>();

function inParis(at: DateTime): MomentInParis {
  let moment = momentsInParis.get(at);
  if (!moment) {
    const paris = at.setZone(PARIS);
    moment = { wallClock: toWallClockDate(paris).getTime(), holiday: publicHolidayOn(paris) };
    momentsInParis.set(at, moment);
  }
  return moment;
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
