/**
 * Validates dataset documents against the dataset schema and then the whole set for cross-references,
 * and reports every problem with its file, line, record and field. Nothing is loaded unless the
 * report is empty: imports are all-or-nothing. Reading the files' text is functions/formats/parcours/read-dataset.ts.
 */
import type { z } from "zod";
import { datasetFileSchema, type DatasetFile } from "./dataset-schema";
import { knownTerritoryCodes } from "./territories";

export interface DatasetProblem {
  file: string;
  line: number | null;
  record: string | null;
  field: string;
  reason: string;
}

/** Ids already in the graph that records may refer to (for imports and mutations; empty for a full seed). */
export interface KnownIds {
  sources: Iterable<string>;
  locations: Iterable<string>;
  actors: Iterable<string>;
  services: Iterable<string>;
  conventions?: Iterable<string>;
  /** Territories of the référentiel the graph holds, beside the deployment's (generated/territories.ts). */
  territories?: Iterable<string>;
}

export const noKnownIds: KnownIds = { sources: [], locations: [], actors: [], services: [] };

export type DatasetReadResult =
  | { ok: true; dataset: DatasetFile[]; files: string[] }
  | { ok: false; problems: DatasetProblem[] };

/**
 * A dataset file once parsed, whatever its format: its records as the dataset schema reads them,
 * and how to point at the input a person wrote (the line, and the field as the input names it: a
 * CSV column, an HSDS property).
 */
export interface DatasetDocument {
  file: string;
  raw: unknown;
  lineOf: (path: PropertyKey[]) => number | null;
  fieldOf?: (path: PropertyKey[]) => string | undefined;
  /** The record as the input names it, when not by the dataset's sections (a data·inclusion file's `services[4]: id`). */
  recordOf?: (path: PropertyKey[]) => string | undefined;
}

interface ParsedFile extends DatasetDocument {
  data: DatasetFile;
}

/** Validates parsed documents against the dataset schema, then as a whole for cross-references. */
export function validateDataset(documents: DatasetDocument[], known: KnownIds = noKnownIds): DatasetReadResult {
  const problems: DatasetProblem[] = [];
  const parsed: ParsedFile[] = [];
  for (const document of documents) {
    const result = datasetFileSchema.safeParse(document.raw ?? {});
    if (result.success) parsed.push({ ...document, data: result.data });
    // One by one: a France-sized file may have hundreds of thousands, more than a call's arguments may be.
    else for (const issue of result.error.issues) problems.push(problemOf(document, issue));
  }
  if (problems.length === 0) for (const problem of crossReferenceProblems(parsed, known)) problems.push(problem);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, dataset: parsed.map((p) => p.data), files: parsed.map((p) => p.file) };
}

function problemOf(document: DatasetDocument, issue: z.core.$ZodIssue): DatasetProblem {
  const { record, field } = splitPath(document.raw, issue.path);
  return { file: document.file, line: document.lineOf(issue.path), record: document.recordOf?.(issue.path) ?? record, field: document.fieldOf?.(issue.path) ?? field, reason: issue.message };
}

/** "actors[3].services[0].contacts[1].value" → record "actors: adavip-92 / services: savu-92", field "contacts[1].value". */
function splitPath(raw: unknown, path: PropertyKey[]): { record: string | null; field: string } {
  let node: unknown = raw;
  let recordParts: string[] = [];
  let fieldStart = 0;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    node = node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const isRecord = typeof key === "number" && node !== null && typeof node === "object" && "id" in node;
    const isTopLevelEntry = typeof key === "number" && i === 1;
    if (isRecord || isTopLevelEntry) {
      const label = isRecord ? String((node as { id: unknown }).id) : `#${key + 1}`;
      recordParts = [...recordParts, `${String(path[i - 1])}: ${label}`];
      fieldStart = i + 1;
    }
  }
  return {
    record: recordParts.length > 0 ? recordParts.join(" / ") : null,
    field: formatPath(path.slice(fieldStart)),
  };
}

function formatPath(path: PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join("");
}

function crossReferenceProblems(files: ParsedFile[], known: KnownIds): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const sources = new Set(known.sources);
  const locations = new Set(known.locations);
  const actors = new Set(known.actors);
  const services = new Set(known.services);
  const conventions = new Set(known.conventions ?? []);
  const territories = new Set([...knownTerritoryCodes(), ...(known.territories ?? [])]);
  const seen = new Map<string, string>();
  // One id names one record whatever its kind (sources apart: they are cited, not written into): a
  // record's parts and its scope are found through its id (README, Roles and access).
  const kindOf = new Map<string, string>();
  const knownKinds = { locations: known.locations, actors: known.actors, services: known.services, conventions: known.conventions ?? [] };
  for (const [kind, ids] of Object.entries(knownKinds)) for (const id of ids) kindOf.set(id, kind);

  const declare = (kind: string, idValue: string, file: ParsedFile, path: PropertyKey[], into: Set<string>) => {
    const key = `${kind}:${idValue}`;
    const previous = seen.get(key);
    const record = file.recordOf?.(path) ?? `${kind}: ${idValue}`;
    const field = file.fieldOf?.(path) ?? "id";
    if (previous !== undefined) {
      problems.push({ file: file.file, line: file.lineOf(path), record, field, reason: `duplicate id, first declared in ${previous}` });
    }
    const otherKind = kind === "sources" ? undefined : kindOf.get(idValue);
    if (otherKind !== undefined && otherKind !== kind) {
      problems.push({ file: file.file, line: file.lineOf(path), record, field, reason: `already the id of one of the ${otherKind}: an id names one record, whatever its kind` });
    }
    seen.set(key, file.file);
    if (kind !== "sources") kindOf.set(idValue, kind);
    into.add(idValue);
  };

  for (const file of files) {
    file.data.sources.forEach((s, i) => declare("sources", s.id, file, ["sources", i, "id"], sources));
    file.data.zones.forEach((z) => territories.add(z.code));
    file.data.locations.forEach((l, i) => declare("locations", l.id, file, ["locations", i, "id"], locations));
    file.data.actors.forEach((a, i) => {
      declare("actors", a.id, file, ["actors", i, "id"], actors);
      a.services.forEach((s, j) => declare("services", s.id, file, ["actors", i, "services", j, "id"], services));
    });
    file.data.conventions.forEach((c, i) => declare("conventions", c.id, file, ["conventions", i, "id"], conventions));
  }

  for (const file of files) {
    const check = (ok: boolean, path: PropertyKey[], record: string, field: string, reason: string) => {
      if (!ok) problems.push({ file: file.file, line: file.lineOf(path), record: file.recordOf?.(path) ?? record, field: file.fieldOf?.(path) ?? field, reason });
    };
    const checkSource = (source: string, path: PropertyKey[], record: string, field = "source") =>
      check(sources.has(source), [...path, "source"], record, field, `unknown source "${source}": declare it in seed/sources.yaml`);

    file.data.zones.forEach((zone, i) => {
      const record = `zones: ${zone.code}`;
      checkSource(zone.source, ["zones", i], record);
      check(territories.has(zone.partOf), ["zones", i, "partOf"], record, "partOf", `unknown territory "${zone.partOf}"`);
      zone.communes.forEach((c, k) =>
        check(territories.has(c), ["zones", i, "communes", k], record, `communes[${k}]`, `unknown INSEE code "${c}"`),
      );
    });
    file.data.locations.forEach((location, i) => {
      const record = `locations: ${location.id}`;
      checkSource(location.source, ["locations", i], record);
      check(territories.has(location.commune), ["locations", i, "commune"], record, "commune", `unknown INSEE code "${location.commune}"`);
    });
    file.data.actors.forEach((actor, i) => {
      const record = `actors: ${actor.id}`;
      const at: PropertyKey[] = ["actors", i];
      checkSource(actor.source, at, record);
      actor.covers.forEach((code, k) =>
        check(territories.has(code), [...at, "covers", k], record, `covers[${k}]`, `unknown territory "${code}"`),
      );
      if (actor.basedAt !== undefined) {
        check(locations.has(actor.basedAt), [...at, "basedAt"], record, "basedAt", `unknown location "${actor.basedAt}"`);
      }
      actor.contacts.forEach((c, k) => checkSource(c.source, [...at, "contacts", k], record, `contacts[${k}].source`));
      actor.services.forEach((service, j) => {
        const serviceRecord = `${record} / services: ${service.id}`;
        const sat: PropertyKey[] = [...at, "services", j];
        checkSource(service.source, sat, serviceRecord);
        service.area.forEach((code, k) =>
          check(territories.has(code), [...sat, "area", k], serviceRecord, `area[${k}]`, `unknown territory "${code}"`),
        );
        service.at.forEach((loc, k) =>
          check(locations.has(loc), [...sat, "at", k], serviceRecord, `at[${k}]`, `unknown location "${loc}"`),
        );
        service.contacts.forEach((c, k) => checkSource(c.source, [...sat, "contacts", k], serviceRecord, `contacts[${k}].source`));
        if (service.schedule) checkSource(service.schedule.source, [...sat, "schedule"], serviceRecord, "schedule.source");
        if (service.capacity) checkSource(service.capacity.source, [...sat, "capacity"], serviceRecord, "capacity.source");
      });
    });
    file.data.conventions.forEach((convention, i) => {
      const record = `conventions: ${convention.id}`;
      checkSource(convention.source, ["conventions", i], record);
      convention.parties.forEach((party, k) =>
        check(actors.has(party), ["conventions", i, "parties", k], record, `parties[${k}]`, `unknown actor "${party}"`),
      );
    });
    file.data.links.forEach((link, i) => {
      const record = `links: ${link.from} ${link.type} ${link.to}`;
      checkSource(link.source, ["links", i], record);
      check(actors.has(link.from), ["links", i, "from"], record, "from", `unknown actor "${link.from}"`);
      const targetKnown = actors.has(link.to) || (link.type === "FUNDS" && services.has(link.to));
      check(targetKnown, ["links", i, "to"], record, "to", `unknown ${link.type === "FUNDS" ? "actor or service" : "actor"} "${link.to}"`);
    });
  }
  return problems;
}
