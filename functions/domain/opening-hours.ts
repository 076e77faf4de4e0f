import OpeningHours from "opening_hours";

/** France, so that "PH" (public holiday) rules parse and evaluate. */
const franceContext = { lat: 48.89, lon: 2.21, address: { country_code: "fr", state: "Île-de-France" } };

export function parseOpeningHours(value: string): OpeningHours {
  return new OpeningHours(value, franceContext);
}

/** Parsing a value costs about half a millisecond, and an import repeats the same few values on thousands of rows. */
const validity = new Map<string, boolean>();
const MAX_REMEMBERED = 10_000;

export function isValidOpeningHours(value: string): boolean {
  let valid = validity.get(value);
  if (valid === undefined) {
    try {
      valid = parseOpeningHours(value).getWarnings().length === 0;
    } catch {
      valid = false;
    }
    if (validity.size >= MAX_REMEMBERED) validity.clear();
    validity.set(value, valid);
  }
  return valid;
}
