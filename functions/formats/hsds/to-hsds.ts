/**
 * Parcours' public data as HSDS 3 JSON: one organization per actor, with its services, places and
 * phones nested, in the paginated envelope HSDS APIs answer with. Confidential places keep their name
 * and commune but never their address or coordinates. What HSDS has no field for travels as
 * "parcours" attributes (./terms.ts), so that the import reads it back.
 */
import type { GraphRecords } from "../../graph/dump-dataset";
import { coveredTerritories } from "../../domain/territories";
import { hsdsDay, weeklyHoursOf } from "./schedules";
import { attribute, hsdsUuid, publishedHsdsId, type Facet, type HsdsAttribute } from "./terms";

type Row = Record<string, unknown>;

interface StoredContact {
  channel: string;
  value: string;
  label: string | null;
}

export interface HsdsPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Row[];
}

export function toHsds(graph: GraphRecords): HsdsPage {
  const page = hsdsPageAsMade(graph);
  return { ...page, contents: [...page.contents] };
}

/**
 * The same page, its organizations made one at a time as they are read: the export writes them as
 * they come (the HSDS file of France is 754 MB of text, whose records it never holds all at once).
 */
export function hsdsPageAsMade(graph: GraphRecords): Omit<HsdsPage, "contents"> & { contents: Iterable<Row> } {
  const territoryName = new Map(coveredTerritories().map((t) => [t.code, t.name]));
  const locations = new Map(graph.locations.map((l) => [l.id, l]));
  const servicesOf = new Map<string, Row[]>();
  for (const service of graph.services) {
    const actorId = service.actorId as string;
    servicesOf.set(actorId, [...(servicesOf.get(actorId) ?? []), service]);
  }

  const location = (id: string): Row => {
    const l = locations.get(id)!;
    const showAddress = !l.confidential;
    const departement = l.commune.slice(0, 2);
    return {
      id: publishedHsdsId("location", l),
      location_type: "physical",
      name: l.name,
      ...(showAddress && l.latitude !== null ? { latitude: l.latitude } : {}),
      ...(showAddress && l.longitude !== null ? { longitude: l.longitude } : {}),
      addresses:
        showAddress && l.address !== null
          ? [
              {
                id: hsdsUuid("address", l.id),
                address_1: l.address,
                city: territoryName.get(l.commune) ?? l.commune,
                state_province: territoryName.get(departement) ?? departement,
                postal_code: l.postalCode ?? "",
                country: "FR",
                address_type: "physical",
              },
            ]
          : [],
      attributes: [attribute("commune", l.commune, territoryName.get(l.commune))],
    };
  };

  const service = (s: Row, organizationId: string): Row => {
    const contacts = s.contacts as StoredContact[];
    const at = s.at as string[];
    const id = publishedHsdsId("service", s);
    return {
      id,
      organization_id: organizationId,
      name: s.name,
      ...optional("description", s.description),
      ...optional("url", first(contacts, "WEB")),
      ...optional("email", first(contacts, "EMAIL")),
      status: "active",
      ...optional("minimum_age", s.minAge),
      ...optional("maximum_age", s.maxAge),
      ...optional("application_process", s.referredBy),
      assured_date: s.verifiedAt,
      phones: phones(contacts, s.id as string),
      schedules: schedules(s.schedule as Row | null, s.id as string),
      languages: (s.languages as string[]).map((code) => ({ id: hsdsUuid("language", `${String(s.id)}:${code}`), code })),
      service_at_locations: at.map((locationId) => ({
        id: hsdsUuid("service-at-location", `${String(s.id)}:${locationId}`),
        location_id: publishedHsdsId("location", locations.get(locationId)!),
      })),
      attributes: [
        attribute("service-kind", s.kind as string),
        attribute("audience", s.audience as string),
        ...values("need", s.needs),
        ...values("situation", s.situations),
        ...values("access", s.access),
        ...values("area", s.area, territoryName),
        ...values("gender", s.gender),
        ...values("children", s.children),
        ...values("cost", s.cost),
        ...values("residence-required", s.residenceRequired),
        ...values("referral-required", s.referralRequired),
        ...values("acts-tonight", s.actsTonight),
      ],
    };
  };

  const organization = (actor: Row) => {
    const id = publishedHsdsId("actor", actor);
    const services = servicesOf.get(actor.id as string) ?? [];
    const placeIds = [...new Set([...(actor.basedAt ? [actor.basedAt as string] : []), ...services.flatMap((s) => s.at as string[])])].sort();
    const contacts = actor.contacts as StoredContact[];
    return {
      id,
      name: actor.name,
      ...optional("alternate_name", (actor.aliases as string[])[0]),
      description: actor.description ?? "",
      ...optional("email", first(contacts, "EMAIL")),
      ...optional("website", first(contacts, "WEB")),
      phones: phones(contacts, actor.id as string),
      ...registryIdentifiers(actor, id),
      locations: placeIds.map(location),
      services: services.map((s) => service(s, id)),
      attributes: [attribute("actor-kind", actor.kind as string), ...values("departement", actor.departement), ...values("covers", actor.covers, territoryName)],
    };
  };
  const count = graph.actors.length;
  return {
    total_items: count,
    total_pages: 1,
    page_number: 1,
    size: count,
    first_page: true,
    last_page: true,
    empty: count === 0,
    contents: (function* () {
      for (const actor of graph.actors) yield organization(actor);
    })(),
  };
}

function optional(field: string, value: unknown): Row {
  return value === null || value === undefined ? {} : { [field]: value };
}

function first(contacts: StoredContact[], channel: string): string | undefined {
  return contacts.find((c) => c.channel === channel)?.value;
}

function phones(contacts: StoredContact[], ownerId: string): Row[] {
  return contacts
    .filter((c) => c.channel === "PHONE" || c.channel === "SMS")
    .map((c) => ({
      id: hsdsUuid("phone", `${ownerId}:${c.channel}:${c.value}`),
      number: c.value,
      type: c.channel === "SMS" ? "text" : "voice",
      ...optional("description", c.label),
    }));
}

/** Weekly hours as HSDS schedules; other hours in words, the OpenStreetMap value quoted, so nothing is guessed. */
function schedules(schedule: Row | null, serviceId: string): Row[] {
  if (!schedule) return [];
  const openingHours = schedule.openingHours as string | null;
  const description = schedule.description as string | null;
  const weekly = openingHours ? weeklyHoursOf(openingHours) : null;
  if (weekly) {
    return weekly.map((hours, i) => ({
      id: hsdsUuid("schedule", `${serviceId}:${i}`),
      freq: "WEEKLY",
      byday: hours.days.map(hsdsDay).join(","),
      opens_at: hours.opensAt,
      closes_at: hours.closesAt,
      ...(i === 0 ? optional("description", description) : {}),
    }));
  }
  const words = [description, openingHours && `opening_hours: ${openingHours}`].filter((part) => part).join(" — ");
  return words === "" ? [] : [{ id: hsdsUuid("schedule", `${serviceId}:0`), description: words }];
}

function values(facet: Facet, value: unknown, labels?: Map<string, string>): HsdsAttribute[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.map((v) => attribute(facet, String(v), labels?.get(String(v))));
}

/**
 * The actor's SIRET and RNA number as HSDS organization identifiers, named by their register alone:
 * org-id.guide lists no scheme for them that Parcours could cite.
 */
function registryIdentifiers(actor: Row, organizationId: string): Row {
  const numbers = [["SIRET", actor.siret], ["RNA", actor.rna]].filter(([, value]) => typeof value === "string") as [string, string][];
  if (numbers.length === 0) return {};
  return {
    organization_identifiers: numbers.map(([type, identifier]) => ({
      id: hsdsUuid("organization-identifier", `${String(actor.id)}:${type}`),
      organization_id: organizationId,
      identifier_type: type,
      identifier,
    })),
  };
}
