/**
 * The CSV layout coordinators keep in a spreadsheet (README, "Import formats"): one row per service,
 * the actor's columns repeated on each of its services' rows, the service's hours and place on the
 * same row. Cells are turned into dataset records; the dataset schema then judges their values, and
 * every problem points back at the row's line and the column's name.
 */
import { parse } from "csv-parse";
import { Readable } from "node:stream";
import type { DatasetDocument, DatasetProblem } from "../../domain/validate-dataset";
import type { ImportSources } from "../../imports/import-sources";

const actorColumns = {
  actor_name: "name",
  actor_kind: "kind",
  actor_aliases: "aliases",
  actor_description: "description",
  actor_departement: "departement",
  actor_covers: "covers",
  actor_siret: "siret",
  actor_rna: "rna",
} as const;

const serviceColumns = {
  service_name: "name",
  service_kind: "kind",
  service_description: "description",
  audience: "audience",
  needs: "needs",
  situations: "situations",
  access: "access",
  area: "area",
  languages: "languages",
  accessibility: "accessibility",
  cost: "cost",
  acts_tonight: "actsTonight",
  gender: "eligibility.gender",
  min_age: "eligibility.minAge",
  max_age: "eligibility.maxAge",
  children: "eligibility.children",
  residence_required: "eligibility.residenceRequired",
  referral_required: "eligibility.referralRequired",
  referred_by: "eligibility.referredBy",
  opening_hours: "schedule.openingHours",
  hours_description: "schedule.description",
} as const;

const locationColumns = {
  location_name: "name",
  address: "address",
  postal_code: "postalCode",
  commune: "commune",
  latitude: "latitude",
  longitude: "longitude",
  confidential: "confidential",
} as const;

const contactColumns = { phone: "PHONE", sms: "SMS", email: "EMAIL", website: "WEB" } as const;

const listFields = new Set(["aliases", "covers", "needs", "situations", "access", "area", "languages"]);
const numberFields = new Set(["eligibility.minAge", "eligibility.maxAge", "latitude", "longitude"]);
const booleanFields = new Set(["actsTonight", "eligibility.residenceRequired", "eligibility.referralRequired", "confidential"]);

export const csvColumns = [
  "actor_id",
  ...Object.keys(actorColumns),
  ...Object.keys(contactColumns).map((c) => `actor_${c}`),
  "service_id",
  ...Object.keys(serviceColumns),
  ...Object.keys(contactColumns).map((c) => `service_${c}`),
  "location_id",
  ...Object.keys(locationColumns),
  "source",
  "verified_at",
] as const;

const knownColumns = new Set<string>(csvColumns);

type Row = Record<string, string>;
type Fields = Record<string, unknown>;

export interface CsvReadResult {
  document: DatasetDocument;
  problems: DatasetProblem[];
  rows: number;
}

/** Reads the CSV as it streams in; `onProgress` hears the row count as it grows. */
export async function readCsv(body: Readable, sources: ImportSources, onProgress: (rows: number) => void): Promise<CsvReadResult> {
  const builder = new CsvDocumentBuilder(sources);
  const { delimiter, stream } = await withDelimiter(body);
  const parser = stream.pipe(parse({ columns: checkHeader(builder), delimiter, bom: true, trim: true, skip_empty_lines: true, info: true }));
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
      builder.addRow(record, info.lines);
      if (++rows % 10_000 === 0) onProgress(rows);
    }
  } catch (error) {
    const lines = (error as { lines?: number }).lines ?? null;
    builder.problems.push({ file: sources.file, line: lines, record: null, field: "", reason: `not valid CSV: ${(error as Error).message}` });
  }
  return { document: builder.document(), problems: builder.problems, rows };
}

/** Spreadsheets set to French write ";" between cells: the header row tells which separator the file uses. */
async function withDelimiter(body: Readable): Promise<{ delimiter: string; stream: Readable }> {
  const chunks = body[Symbol.asyncIterator]();
  const first = await chunks.next();
  const head = first.done ? "" : String(first.value);
  const header = head.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = header.includes(";") && !header.includes(",") ? ";" : ",";
  const rest = async function* () {
    if (!first.done) yield first.value as Buffer | string;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value as Buffer | string;
  };
  return { delimiter, stream: Readable.from(rest()) };
}

function checkHeader(builder: CsvDocumentBuilder) {
  return (header: string[]): string[] => {
    const unknown = header.filter((column) => !knownColumns.has(column));
    for (const column of unknown) {
      builder.problems.push({ file: builder.file, line: 1, record: null, field: column, reason: `unknown column; the columns are: ${csvColumns.join(", ")}` });
    }
    if (!header.includes("actor_id")) builder.problems.push({ file: builder.file, line: 1, record: null, field: "actor_id", reason: "the actor_id column is required" });
    return header;
  };
}

class CsvDocumentBuilder {
  readonly problems: DatasetProblem[] = [];
  readonly file: string;
  private readonly actors: Fields[] = [];
  private readonly locations: Fields[] = [];
  private readonly actorIndex = new Map<string, { index: number; row: Row; line: number }>();
  private readonly locationIndex = new Map<string, { index: number; row: Row; line: number }>();
  private readonly serviceIndex = new Map<string, { actorId: string; service: Fields; row: Row; line: number }>();
  /** Dataset paths ("actors.3.services.0") → the CSV line and, for contacts, the column they come from. */
  private readonly lines = new Map<string, number>();
  private readonly columns = new Map<string, string>();

  constructor(private readonly sources: ImportSources) {
    this.file = sources.file;
  }

  addRow(row: Row, line: number): void {
    const actorId = row.actor_id ?? "";
    if (actorId === "") {
      this.problems.push({ file: this.file, line, record: null, field: "actor_id", reason: "must not be empty" });
      return;
    }
    const source = this.sources.cite(cell(row, "source"), cell(row, "verified_at"));
    const sourcePath = `sources.${this.sources.indexOf(source)}`;
    if (!this.lines.has(sourcePath)) this.lines.set(sourcePath, line);
    const actorPath = this.actor(actorId, row, line, source);
    const locationId = cell(row, "location_id");
    if (locationId !== undefined) this.location(locationId, row, line, source);

    const serviceId = cell(row, "service_id");
    const actor = this.actors[actorPath]!;
    if (serviceId === undefined) {
      const serviceCells = Object.keys(serviceColumns).filter((c) => cell(row, c) !== undefined);
      if (serviceCells.length > 0) {
        this.problems.push({ file: this.file, line, record: `actors: ${actorId}`, field: "service_id", reason: `required when ${serviceCells.join(", ")} are filled` });
      }
      if (locationId !== undefined) actor.basedAt = locationId;
      return;
    }
    const known = this.serviceIndex.get(serviceId);
    if (known) {
      this.repeatedService(known, actorId, row, line, locationId);
      return;
    }
    const services = actor.services as Fields[];
    const path = `actors.${actorPath}.services.${services.length}`;
    this.lines.set(path, line);
    const service: Fields = { id: serviceId, source, eligibility: {}, contacts: this.contacts(row, "service", path, source) };
    for (const [column, field] of Object.entries(serviceColumns)) {
      const value = cell(row, column);
      if (value !== undefined) setField(service, field, typed(field, value));
    }
    if (service.schedule) {
      const schedule = service.schedule as Fields;
      service.schedule = { openingHours: schedule.openingHours ?? null, ...schedule, source };
    }
    if (locationId !== undefined) service.at = [locationId];
    services.push(service);
    this.serviceIndex.set(serviceId, { actorId, service, row, line });
  }

  /** A service held at several places takes one row per place, its other cells repeated or left empty. */
  private repeatedService(known: { actorId: string; service: Fields; row: Row; line: number }, actorId: string, row: Row, line: number, locationId: string | undefined): void {
    const record = `actors: ${actorId} / services: ${String(known.service.id)}`;
    if (known.actorId !== actorId) {
      this.problems.push({ file: this.file, line, record, field: "service_id", reason: `already offered by ${known.actorId} on line ${known.line}` });
      return;
    }
    this.checkRepeated(row, line, known, Object.keys(serviceColumns), record);
    if (locationId !== undefined) known.service.at = [...new Set([...((known.service.at as string[] | undefined) ?? []), locationId])];
  }

  document(): DatasetDocument {
    return {
      file: this.file,
      raw: { sources: this.sources.list(), locations: this.locations, actors: this.actors },
      lineOf: (path) => {
        for (let depth = path.length; depth > 0; depth--) {
          const line = this.lines.get(path.slice(0, depth).join("."));
          if (line !== undefined) return line;
        }
        return null;
      },
      fieldOf: (path) => this.columnOf(path),
    };
  }

  private actor(id: string, row: Row, line: number, source: string): number {
    const known = this.actorIndex.get(id);
    if (known) {
      this.checkRepeated(row, line, known, Object.keys(actorColumns), `actors: ${id}`);
      return known.index;
    }
    const index = this.actors.length;
    const path = `actors.${index}`;
    this.lines.set(path, line);
    const actor: Fields = { id, source, services: [], contacts: this.contacts(row, "actor", path, source) };
    for (const [column, field] of Object.entries(actorColumns)) {
      const value = cell(row, column);
      if (value !== undefined) actor[field] = typed(field, value);
    }
    this.actors.push(actor);
    this.actorIndex.set(id, { index, row, line });
    return index;
  }

  private location(id: string, row: Row, line: number, source: string): void {
    const known = this.locationIndex.get(id);
    if (known) {
      this.checkRepeated(row, line, known, Object.keys(locationColumns), `locations: ${id}`);
      return;
    }
    const location: Fields = { id, source };
    for (const [column, field] of Object.entries(locationColumns)) {
      const value = cell(row, column);
      if (value !== undefined) location[field] = typed(field, value);
    }
    this.lines.set(`locations.${this.locations.length}`, line);
    this.locationIndex.set(id, { index: this.locations.length, row, line });
    this.locations.push(location);
  }

  /** An actor or a place is described once; its later rows repeat the same cells or leave them empty. */
  private checkRepeated(row: Row, line: number, first: { row: Row; line: number }, columns: string[], record: string): void {
    for (const column of columns) {
      const value = cell(row, column);
      if (value !== undefined && value !== cell(first.row, column)) {
        this.problems.push({ file: this.file, line, record, field: column, reason: `differs from line ${first.line}: write it once, or the same on every row` });
      }
    }
  }

  private contacts(row: Row, owner: "actor" | "service", path: string, source: string): Fields[] {
    const contacts: Fields[] = [];
    for (const [suffix, channel] of Object.entries(contactColumns)) {
      const column = `${owner}_${suffix}`;
      for (const value of list(cell(row, column))) {
        this.columns.set(`${path}.contacts.${contacts.length}`, column);
        contacts.push({ channel, value, source });
      }
    }
    return contacts;
  }

  private columnOf(path: PropertyKey[]): string | undefined {
    const parts = path.map(String);
    if (parts[0] === "sources") return parts[2] === "verifiedAt" ? "verified_at" : "source";
    const contactAt = parts.indexOf("contacts");
    if (contactAt >= 0) return this.columns.get(parts.slice(0, contactAt + 2).join("."));
    const [columns, rest] =
      parts[0] === "locations"
        ? [locationColumns, parts.slice(2)]
        : parts[2] === "services"
          ? [serviceColumns, parts.slice(4)]
          : [actorColumns, parts.slice(2)];
    const field = rest.filter((p) => !/^\d+$/.test(p)).join(".");
    if (field === "id") return parts[0] === "locations" ? "location_id" : parts[2] === "services" ? "service_id" : "actor_id";
    if (field === "source") return "source";
    if (field === "basedAt" || field === "at") return "location_id";
    return Object.entries(columns).find(([, f]) => f === field)?.[0];
  }
}

function cell(row: Row, column: string): string | undefined {
  const value = row[column];
  return value === undefined || value === "" ? undefined : value;
}

function list(value: string | undefined): string[] {
  return value === undefined ? [] : value.split("|").map((v) => v.trim()).filter((v) => v !== "");
}

/** Cells are text: lists, numbers and yes/no are read as such; anything else stays text for the schema to judge. */
function typed(field: string, value: string): unknown {
  if (listFields.has(field)) return list(value);
  if (numberFields.has(field)) {
    const number = Number(value.replace(",", "."));
    return Number.isFinite(number) ? number : value;
  }
  if (booleanFields.has(field)) {
    const answer = value.toLowerCase();
    if (["true", "oui", "yes", "1"].includes(answer)) return true;
    if (["false", "non", "no", "0"].includes(answer)) return false;
  }
  return value;
}

function setField(record: Fields, dotted: string, value: unknown): void {
  const [head, tail] = dotted.split(".") as [string, string | undefined];
  if (tail === undefined) record[head] = value;
  else record[head] = { ...((record[head] as Fields | undefined) ?? {}), [tail]: value };
}
