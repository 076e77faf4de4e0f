/** Dates shown and asked in Europe/Paris time, whatever the device's zone. */
const PARIS = "Europe/Paris";

// Building an Intl formatter costs far more than using one: a route formats dozens of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = make()));
  return made;
}

export function formatDateTime(iso: string, locale: string): string {
  return formatter(`date-time-${locale}`, () =>
    new Intl.DateTimeFormat(locale, { timeZone: PARIS, weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" }),
  ).format(new Date(iso));
}

export function formatDate(isoDate: string, locale: string): string {
  return formatter(`date-${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" })).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}

/** "2026-12-05T23:00" read in Paris time → ISO 8601 with Paris's offset at that moment. */
export function parisIso(localDateTime: string): string {
  const guess = new Date(`${localDateTime}:00Z`);
  const offset = formatter("offset", () => new Intl.DateTimeFormat("en", { timeZone: PARIS, timeZoneName: "longOffset" }))
    .formatToParts(guess)
    .find((p) => p.type === "timeZoneName")
    ?.value.replace("GMT", "");
  return `${localDateTime}:00${offset ? offset : "+00:00"}`;
}
