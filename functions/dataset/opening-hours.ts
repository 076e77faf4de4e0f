import OpeningHours from "opening_hours";

/** France, so that "PH" (public holiday) rules parse and evaluate. */
const franceContext = { lat: 48.89, lon: 2.21, address: { country_code: "fr", state: "Île-de-France" } };

export function parseOpeningHours(value: string): OpeningHours {
  return new OpeningHours(value, franceContext);
}

export function isValidOpeningHours(value: string): boolean {
  try {
    return parseOpeningHours(value).getWarnings().length === 0;
  } catch {
    return false;
  }
}
