/**
 * HSDS 3 JSON as directories publish it — one organization with its nested services, locations,
 * phones and schedules, an array of them, or a page of them (`contents`) — read as Parcours dataset
 * records. Fields Parcours has no place for are ignored; values it has a place for are passed on as
 * they are, so that the dataset schema rejects what is invalid. HSDS ids are kept as `hsdsId`.
 */
import type { DatasetDocument } from "../../domain/validate-dataset";
import { communeOfPostalCode } from "../../domain/territories";
import type { ImportSources } from "../../imports/import-sources";
import { dayOfHsds, openingHoursOf, type WeeklyHours } from "./schedules";
import { facetValues, foreignTerms, parcoursIdOf, type Facet } from "./terms";
import { readTerms, territoryOfArea } from "../../domain/directory-mapping";

type Json = Record<string, unknown>;

/** A record a foreign feed describes without what Parcours needs to route to it: kept apart, with what is missing. */
export interface RecordToQualify {
  id: unknown;
  hsdsId: unknown;
  recordKind: "actor" | "service";
  actorId: unknown;
  name: unknown;
  description: string | null;
  /** What a coordinator must add, in French. */
  missing: string[];
  /** An organization's SIRET and RNA number as the feed gives them (checked before the import writes them), else null. */
  siret: unknown;
  rna: unknown;
  /** The feed's own terms and service areas, as it words them. */
  terms: string[];
  areas: string[];
  source: string;
  verifiedAt: string;
}

export interface HsdsReadResult {
  document: DatasetDocument;
  /** Where a record of the dataset comes from in the HSDS organizations read (`[2, "services", 0]`). */
  hsdsPathOf: (path: PropertyKey[]) => PropertyKey[];
  toQualify: RecordToQualify[];
  /** Services left out because the directory says they no longer run. */
  skipped: { record: string; reason: string }[];
  records: number;
}

/** An HSDS document: organizations in an array or a page; a Parcours dataset is an object of sections, without id or contents. */
export function looksLikeHsds(raw: unknown): boolean {
  if (Array.isArray(raw)) return true;
  if (raw === null || typeof raw !== "object") return false;
  return "contents" in raw || ("id" in raw && "name" in raw);
}

/** The Parcours id of an HSDS record: the id of the record the graph already holds under it, else one minted from it. */
export type ParcoursIdOf = (kind: HsdsRecordKind, hsdsId: unknown) => unknown;
export type HsdsRecordKind = "actor" | "service" | "location";

export function readHsds(
  raw: unknown,
  sources: ImportSources,
  hsdsLineOf: (path: PropertyKey[]) => number | null,
  idOf: ParcoursIdOf = (_kind, hsdsId) => parcoursIdOf(hsdsId),
  isKnown: (kind: HsdsRecordKind, parcoursId: unknown) => boolean = () => false,
): HsdsReadResult {
  const [organizations, basePath] = organizationsOf(raw);
  const reader = new HsdsReader(sources, idOf, isKnown);
  organizations.forEach((organization, i) => reader.organization(asObject(organization), Array.isArray(raw) || basePath.length > 0 ? [...basePath, i] : []));
  return {
    document: {
      file: sources.file,
      raw: { sources: sources.list(), locations: reader.locations, actors: reader.actors },
      lineOf: (path) => hsdsLineOf(reader.hsdsPathOf(path)),
      fieldOf: (path) => reader.hsdsFieldOf(path),
    },
    hsdsPathOf: (path) => reader.hsdsPathOf(path),
    skipped: reader.skipped,
    toQualify: reader.toQualify,
    records: reader.actors.length + reader.locations.length + reader.actors.reduce((n, a) => n + (a.services as unknown[]).length, 0),
  };
}

function organizationsOf(raw: unknown): [organizations: unknown[], basePath: PropertyKey[]] {
  if (Array.isArray(raw)) return [raw, []];
  return Array.isArray((raw as Json).contents) ? [(raw as Json).contents as unknown[], ["contents"]] : [[raw], []];
}

/** The ids an HSDS document gives its organizations, services and places: those readHsds asks `idOf` for. */
export function hsdsRecordIds(raw: unknown): Record<HsdsRecordKind, unknown[]> {
  const ids: Record<HsdsRecordKind, unknown[]> = { actor: [], service: [], location: [] };
  for (const organization of organizationsOf(raw)[0].map(asObject)) {
    ids.actor.push(organization.id);
    ids.location.push(...arrayOf(organization.locations).map((location) => asObject(location).id));
    for (const service of arrayOf(organization.services).map(asObject)) {
      ids.service.push(service.id);
      ids.location.push(...arrayOf(service.service_at_locations).map((link) => asObject(asObject(link).location).id ?? asObject(link).location_id));
    }
  }
  return ids;
}

/** Dataset field → HSDS property, for problems to name what the directory's file says. */
const hsdsFields: Record<string, string> = {
  aliases: "alternate_name",
  minAge: "minimum_age",
  maxAge: "maximum_age",
  referredBy: "application_process",
  postalCode: "addresses[0].postal_code",
  address: "addresses[0].address_1",
  at: "service_at_locations",
  schedule: "schedules",
  openingHours: "schedules",
  kind: "attributes (parcours: actor-kind / service-kind)",
  audience: "attributes (parcours: audience)",
  needs: "attributes (parcours: need)",
  situations: "attributes (parcours: situation)",
  access: "attributes (parcours: access)",
  area: "attributes (parcours: area)",
  covers: "attributes (parcours: covers)",
  departement: "attributes (parcours: departement)",
  commune: "addresses[0].postal_code / attributes (parcours: commune)",
  gender: "attributes (parcours: gender)",
  children: "attributes (parcours: children)",
  cost: "attributes (parcours: cost)",
  actsTonight: "attributes (parcours: acts-tonight)",
  residenceRequired: "attributes (parcours: residence-required)",
  referralRequired: "attributes (parcours: referral-required)",
  languages: "languages",
  value: "phones[].number, email or website/url",
  siret: "organization_identifiers (FR-SIRET)",
  rna: "organization_identifiers (FR-RNA)",
};

class HsdsReader {
  readonly actors: Json[] = [];
  readonly locations: Json[] = [];
  readonly skipped: { record: string; reason: string }[] = [];
  readonly toQualify: RecordToQualify[] = [];
  private readonly locationIds = new Set<unknown>();
  /** Dataset record paths ("actors.2.services.0") → where the record is in the HSDS file. */
  private readonly origins = new Map<string, PropertyKey[]>();

  constructor(
    private readonly sources: ImportSources,
    private readonly idOf: ParcoursIdOf,
    /** A record the graph holds is never "à qualifier": what the file does not say, the graph knows. */
    private readonly isKnown: (kind: HsdsRecordKind, parcoursId: unknown) => boolean,
  ) {}

  organization(org: Json, path: PropertyKey[]): void {
    const actorPath = `actors.${this.actors.length}`;
    this.origins.set(actorPath, path);
    const source = this.sources.cite(undefined, undefined);
    const actor: Json = {
      id: this.idOf("actor", org.id),
      hsdsId: org.id,
      name: org.name,
      aliases: typeof org.alternate_name === "string" && org.alternate_name !== "" ? [org.alternate_name] : [],
      ...text("description", org.description),
      ...one("kind", org.attributes, "actor-kind"),
      ...one("departement", org.attributes, "departement"),
      covers: facetValues(org.attributes, "covers"),
      ...registryNumbers(org.organization_identifiers),
      contacts: contacts(org, source),
      services: [],
      source,
    };
    arrayOf(org.locations).forEach((location, i) => this.location(asObject(location), [...path, "locations", i]));
    if (actor.kind === undefined && !this.isKnown("actor", actor.id)) {
      this.qualify(org, "actor", null, ["type d'acteur"], source);
      for (const service of arrayOf(org.services).map(asObject)) {
        if (service.status === "inactive" || service.status === "defunct") continue;
        this.qualify(service, "service", actor.id, ["type d'acteur du porteur"], this.sources.cite(undefined, verifiedAtOf(service)));
      }
      this.origins.delete(actorPath);
      return;
    }
    this.actors.push(actor);
    arrayOf(org.services).forEach((service, i) => this.service(actor, asObject(service), [...path, "services", i], `${actorPath}.services`));
  }

  /** A record kept apart, with what Parcours lacks to route to it (its service's own gaps added). */
  private qualify(record: Json, recordKind: RecordToQualify["recordKind"], actorId: unknown, missing: string[], source: string): void {
    const cited = this.sources.list().find((s) => s.id === source)!;
    const service = recordKind === "service" ? this.serviceReading(record) : null;
    const registry = recordKind === "actor" ? registryNumbers(record.organization_identifiers) : {};
    this.toQualify.push({
      id: this.idOf(recordKind, record.id),
      hsdsId: record.id,
      recordKind,
      actorId,
      name: record.name,
      description: typeof record.description === "string" && record.description !== "" ? record.description : null,
      missing: [...missing, ...(service?.missing ?? [])],
      siret: registry.siret ?? null,
      rna: registry.rna ?? null,
      terms: foreignTerms(record.attributes).map((t) => `${t.taxonomy} : ${t.code}${t.name && t.name !== t.code ? ` (${t.name})` : ""}`),
      areas: arrayOf(record.service_areas).map((a) => String(asObject(a).name ?? asObject(a).extent ?? "")).filter((a) => a !== ""),
      source: cited.ref,
      verifiedAt: cited.verifiedAt,
    });
  }

  /**
   * A service's kind, audience, needs, situations and territories: its "parcours" attributes, else
   * what the reviewed mapping reads in its foreign terms and service areas; and what is still missing.
   */
  private serviceReading(service: Json) {
    const attributes = service.attributes;
    const mapped = readTerms(foreignTerms(attributes));
    const kind = one("kind", attributes, "service-kind").kind ?? mapped.kind;
    const audience = one("audience", attributes, "audience").audience ?? mapped.audience;
    const ownNeeds = facetValues(attributes, "need");
    const needs = ownNeeds.length > 0 ? ownNeeds : mapped.needs;
    const ownSituations = facetValues(attributes, "situation");
    const situations = ownSituations.length > 0 ? ownSituations : mapped.situations;
    const ownArea = facetValues(attributes, "area");
    const areas = arrayOf(service.service_areas).map((a) => asObject(a).name).filter((name): name is string => typeof name === "string");
    const area = ownArea.length > 0 ? ownArea : [...new Set(areas.map(territoryOfArea).filter((code) => code !== undefined))];
    const missing = [
      ...(kind === undefined ? ["type de service"] : []),
      ...(audience === undefined ? ["public"] : []),
      ...(needs.length === 0 ? ["besoins"] : []),
      ...(area.length === 0 ? ["territoire"] : []),
    ];
    return { kind, audience, needs, situations, area, missing };
  }

  private service(actor: Json, service: Json, path: PropertyKey[], servicesPath: string): void {
    if (service.status === "inactive" || service.status === "defunct") {
      this.skipped.push({ record: `services: ${String(service.id)}`, reason: `status is ${service.status}` });
      return;
    }
    const services = actor.services as Json[];
    const source = this.sources.cite(undefined, verifiedAtOf(service));
    const reading = this.serviceReading(service);
    if (reading.missing.length > 0 && !this.isKnown("service", this.idOf("service", service.id))) {
      this.qualify(service, "service", actor.id, [], source);
      return;
    }
    this.origins.set(`${servicesPath}.${services.length}`, path);
    const attributes = service.attributes;
    const atLocations = arrayOf(service.service_at_locations).map((link, i) => {
      const nested = asObject(link).location;
      if (nested && typeof nested === "object") this.location(nested as Json, [...path, "service_at_locations", i, "location"]);
      return this.idOf("location", (nested as Json | undefined)?.id ?? asObject(link).location_id);
    });
    const schedule = scheduleOf(service.schedules, source);
    services.push({
      id: this.idOf("service", service.id),
      hsdsId: service.id,
      name: service.name,
      ...text("description", service.description),
      kind: reading.kind,
      audience: reading.audience,
      needs: reading.needs,
      situations: reading.situations,
      access: facetValues(attributes, "access"),
      area: reading.area,
      eligibility: {
        ...one("gender", attributes, "gender"),
        ...one("children", attributes, "children"),
        ...flag("residenceRequired", attributes, "residence-required"),
        ...flag("referralRequired", attributes, "referral-required"),
        ...(service.minimum_age !== undefined ? { minAge: service.minimum_age } : {}),
        ...(service.maximum_age !== undefined ? { maxAge: service.maximum_age } : {}),
        ...text("referredBy", service.application_process),
      },
      languages: arrayOf(service.languages).map((l) => asObject(l).code).filter((code) => code !== undefined),
      ...one("cost", attributes, "cost"),
      ...flag("actsTonight", attributes, "acts-tonight"),
      at: [...new Set(atLocations)],
      contacts: contacts({ ...service, website: service.url }, source),
      ...(schedule ? { schedule } : {}),
      source,
    });
  }

  private location(location: Json, path: PropertyKey[]): void {
    const id = this.idOf("location", location.id);
    if (this.locationIds.has(id)) return;
    this.locationIds.add(id);
    this.origins.set(`locations.${this.locations.length}`, path);
    const address = asObject(arrayOf(location.addresses)[0]);
    const street = [address.address_1, address.address_2].filter((part) => typeof part === "string" && part !== "").join(", ");
    const [commune] = facetValues(location.attributes, "commune");
    this.locations.push({
      id,
      hsdsId: location.id,
      name: location.name,
      ...(street !== "" ? { address: street } : {}),
      ...text("postalCode", address.postal_code),
      commune: commune ?? communeOfPostalCode(String(address.postal_code ?? ""), String(address.city ?? "")) ?? address.city ?? null,
      ...(location.latitude !== undefined ? { latitude: location.latitude } : {}),
      ...(location.longitude !== undefined ? { longitude: location.longitude } : {}),
      source: this.sources.cite(undefined, undefined),
    });
  }

  hsdsPathOf(path: PropertyKey[]): PropertyKey[] {
    for (let depth = path.length; depth > 0; depth--) {
      const origin = this.origins.get(path.slice(0, depth).join("."));
      if (origin) return origin;
    }
    return [];
  }

  hsdsFieldOf(path: PropertyKey[]): string | undefined {
    const named = [...path].reverse().find((key) => typeof key === "string" && key in hsdsFields);
    return named === undefined ? undefined : hsdsFields[named as string];
  }
}

function asObject(value: unknown): Json {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** HSDS often sends "" for a field it does not know: Parcours leaves it out. */
function text(field: string, value: unknown): Json {
  return value === undefined || value === null || value === "" ? {} : { [field]: value };
}

function one(field: string, attributes: unknown, facet: Facet): Json {
  const values = facetValues(attributes, facet);
  return values.length === 0 ? {} : { [field]: values.length === 1 ? values[0] : values };
}

function flag(field: string, attributes: unknown, facet: Facet): Json {
  const [value] = facetValues(attributes, facet);
  return value === undefined ? {} : { [field]: value === "true" ? true : value === "false" ? false : value };
}

/** The French registry schemes an organization identifier may name (org-id.guide's code, or the register's plain name). */
const registrySchemes: Record<string, "siret" | "rna"> = { "FR-SIRET": "siret", SIRET: "siret", "FR-RNA": "rna", RNA: "rna" };

/** An organization's SIRET and RNA numbers among its third-party identifiers; other schemes are ignored. */
function registryNumbers(identifiers: unknown): Json {
  const numbers: Json = {};
  for (const entry of arrayOf(identifiers).map(asObject)) {
    const field = [entry.identifier_scheme, entry.identifier_type].map((scheme) => registrySchemes[String(scheme).toUpperCase()]).find(Boolean);
    if (field && numbers[field] === undefined && entry.identifier !== undefined && entry.identifier !== "") {
      numbers[field] = typeof entry.identifier === "string" ? entry.identifier.replace(/\s/g, "") : entry.identifier;
    }
  }
  return numbers;
}

/** The date a service's facts hold: the day the directory assured them, else its last change (else the file's date). */
function verifiedAtOf(service: Json): string | undefined {
  const date = [service.assured_date, service.last_modified].find((d) => typeof d === "string" && d !== "");
  return typeof date === "string" ? date.slice(0, 10) : undefined;
}

function contacts(owner: Json, source: string): Json[] {
  const result: Json[] = arrayOf(owner.phones).map((p) => {
    const phone = asObject(p);
    const channel = phone.type === "text" || phone.type === "sms" ? "SMS" : "PHONE";
    return { channel, value: typeof phone.number === "string" ? frenchNumber(phone.number) : phone.number, ...text("label", phone.description), source };
  });
  if (owner.email !== undefined && owner.email !== "") result.push({ channel: "EMAIL", value: owner.email, source });
  if (owner.website !== undefined && owner.website !== "") result.push({ channel: "WEB", value: owner.website, source });
  return result;
}

/** "+33 1 47 91 48 44", "0147914844" → "01 47 91 48 44": the number as dialled in France. Others are left for the schema to judge. */
function frenchNumber(raw: string): string {
  const compact = raw.replace(/[\s.\-()"]/g, "").replace(/^(?:\+33|0033)/, "0");
  if (/^0\d{9}$/.test(compact)) return compact.replace(/(\d{2})(?=\d)/g, "$1 ");
  if (/^116\d{3}$/.test(compact)) return `116 ${compact.slice(3)}`;
  if (/^(?:1\d{1,2}|3\d{3})$/.test(compact)) return compact;
  return raw.trim();
}

function scheduleOf(schedules: unknown, source: string): Json | null {
  const entries = arrayOf(schedules).map(asObject);
  if (entries.length === 0) return null;
  const weekly: WeeklyHours[] = [];
  let translatable = true;
  for (const entry of entries) {
    const hours = weeklyHoursOfHsds(entry);
    if (hours) weekly.push(hours);
    else translatable = false;
  }
  const descriptions = [...new Set(entries.map((e) => e.description).filter((d) => typeof d === "string" && d !== ""))] as string[];
  return {
    openingHours: translatable && weekly.length > 0 ? openingHoursOf(weekly) : null,
    ...(descriptions.length > 0 ? { description: descriptions.join(" ") } : {}),
    source,
  };
}

function weeklyHoursOfHsds(entry: Json): WeeklyHours | null {
  const unsupported = ["bymonthday", "byyearday", "byweekno", "count", "until"].some((k) => entry[k] !== undefined && entry[k] !== "");
  if (unsupported || (entry.freq !== undefined && entry.freq !== "WEEKLY") || (entry.interval !== undefined && entry.interval !== 1)) return null;
  if (typeof entry.byday !== "string" || typeof entry.opens_at !== "string" || typeof entry.closes_at !== "string") return null;
  const days = entry.byday.split(",").map(dayOfHsds);
  if (days.some((d) => d === undefined)) return null;
  const time = (t: string) => (/^\d{2}:\d{2}/.test(t) ? t.slice(0, 5) : null);
  const [opensAt, closesAt] = [time(entry.opens_at), time(entry.closes_at)];
  if (!opensAt || !closesAt) return null;
  return { days: days as WeeklyHours["days"], opensAt, closesAt };
}
