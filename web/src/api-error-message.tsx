/** API failures in the user's language, with what to do; the API's own messages are for developers. */
import { ApiError } from "./api";
import type { Catalogue } from "./i18n/catalogue";

export interface ShownError {
  message: string;
  /** Communes to choose from, for an ambiguous name: the API's candidates. */
  communes?: string[];
  /** A commune the API does not know, as typed: the page offers close names. */
  unknownCommune?: string;
}

export function shownError(error: unknown, t: Catalogue, typedCommune = ""): ShownError {
  if (!(error instanceof ApiError) || error.kind === "network") return { message: t.errorNetwork };
  const first = error.details[0];
  if (!first) return { message: t.errorUnknown };
  if (first.field === "input.commune") {
    const candidates = [...(first.reason ?? "").matchAll(/(\d[\dAB]\d{3}) ([^,()]+?) \(\w+\)/g)].map((m) => `${m[2]} (${m[1]})`);
    if (candidates.length > 0) return { message: t.errorCommuneAmbiguous, communes: candidates };
    return { message: t.errorCommuneUnknown, unknownCommune: typedCommune };
  }
  if (first.code === "QUERY_TIMEOUT") return { message: t.errorTimeout };
  if (first.code === "FORBIDDEN" || first.code === "UNAUTHENTICATED") return { message: t.errorForbidden };
  if (first.code === "BAD_USER_INPUT") return { message: `${t.errorInput} ${first.field ?? ""}` };
  return { message: t.errorUnknown };
}
