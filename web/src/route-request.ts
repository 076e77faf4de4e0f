/**
 * A route request as the form holds it and as the share link carries it: only the request's
 * parameters, never free text about her.
 */
import type { NeedCode, RouteRequest, SituationCode, Urgency } from "../../generated/web-client/graphql";
import { catalogues } from "./i18n/catalogue";
import { parisIso } from "./paris-time";

export interface RouteForm {
  commune: string;
  situations: SituationCode[];
  urgency: Urgency;
  withChildren: boolean;
  age: string;
  languages: string[];
  /** "YYYY-MM-DDTHH:mm" in Paris time; empty for now. */
  at: string;
}

export const situationCodes = Object.keys(catalogues.fr.situations) as SituationCode[];
export const urgencies = Object.keys(catalogues.fr.urgencies) as Urgency[];
export const languageCodes = Object.keys(catalogues.fr.languageNames);

export const emptyForm: RouteForm = { commune: "", situations: [], urgency: "PLANNED", withChildren: false, age: "", languages: [], at: "" };

export function toSearchParams(form: RouteForm): URLSearchParams {
  const params = new URLSearchParams();
  params.set("commune", communeOf(form.commune));
  for (const s of form.situations) params.append("situation", s);
  params.set("urgence", form.urgency);
  if (form.withChildren) params.set("enfants", "1");
  if (form.age) params.set("age", form.age);
  for (const l of form.languages) params.append("langue", l);
  if (form.at) params.set("quand", form.at);
  return params;
}

export function fromSearchParams(params: URLSearchParams): RouteForm | undefined {
  const commune = params.get("commune");
  const situations = params.getAll("situation").filter((s): s is SituationCode => (situationCodes as string[]).includes(s));
  if (!commune || situations.length === 0) return undefined;
  const urgency = params.get("urgence");
  const age = params.get("age") ?? "";
  const at = params.get("quand") ?? "";
  return {
    commune,
    situations,
    urgency: urgencies.find((u) => u === urgency) ?? "PLANNED",
    withChildren: params.get("enfants") === "1",
    age: /^\d{1,3}$/.test(age) ? age : "",
    languages: params.getAll("langue").filter((l) => languageCodes.includes(l)),
    at: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(at) ? at : "",
  };
}

/** "Nanterre (92050)", as the list of communes offers it, is sent as its INSEE code. */
export function communeOf(typed: string): string {
  return /\((\d[\dAB]\d{3})\)\s*$/.exec(typed)?.[1] ?? typed.trim();
}

export function toRouteRequest(form: RouteForm): RouteRequest {
  return {
    commune: communeOf(form.commune),
    situations: form.situations,
    urgency: form.urgency,
    ...(form.withChildren ? { withChildren: true } : {}),
    ...(form.age ? { age: Number(form.age) } : {}),
    ...(form.languages.length ? { languages: form.languages } : {}),
    ...(form.at ? { at: parisIso(form.at) } : {}),
    maxOptionsPerNeed: 3,
  } satisfies { needs?: NeedCode[] } & RouteRequest;
}
