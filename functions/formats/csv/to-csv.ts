/**
 * Parcours' public data in the CSV layout of the import (README, "Import formats"): one row per
 * service and place, the actor's columns repeated. Confidential places keep their id, name and
 * commune, never their address or coordinates.
 */
import { stringify } from "csv-stringify/sync";
import type { GraphRecords } from "../../graph/dump-dataset";
import { csvColumns } from "./read-csv";

type Row = Record<string, unknown>;
type Cells = Partial<Record<(typeof csvColumns)[number], unknown>>;

const list = (values: unknown) => (values as string[]).join("|");
const contactCells = (contacts: Row[], channel: string) => list(contacts.filter((c) => c.channel === channel).map((c) => c.value));

export function toCsv(graph: GraphRecords): string {
  const locations = new Map(graph.locations.map((l) => [l.id, l]));
  const servicesOf = new Map<string, Row[]>();
  for (const service of graph.services) servicesOf.set(service.actorId as string, [...(servicesOf.get(service.actorId as string) ?? []), service]);

  const rows: Cells[] = [];
  for (const actor of graph.actors) {
    const contacts = actor.contacts as Row[];
    const actorCells: Cells = {
      actor_id: actor.id,
      actor_name: actor.name,
      actor_kind: actor.kind,
      actor_aliases: list(actor.aliases),
      actor_description: actor.description,
      actor_departement: actor.departement,
      actor_covers: list(actor.covers),
      actor_siret: actor.siret,
      actor_rna: actor.rna,
      actor_phone: contactCells(contacts, "PHONE"),
      actor_sms: contactCells(contacts, "SMS"),
      actor_email: contactCells(contacts, "EMAIL"),
      actor_website: contactCells(contacts, "WEB"),
    };
    const services = servicesOf.get(actor.id as string) ?? [];
    if (services.length === 0) rows.push({ ...actorCells, ...placeCells(locations, actor.basedAt as string | null), ...provenanceCells(actor) });
    for (const service of services) {
      const serviceContacts = service.contacts as Row[];
      const schedule = service.schedule as Row | null;
      const serviceCells: Cells = {
        service_id: service.id,
        service_name: service.name,
        service_kind: service.kind,
        service_description: service.description,
        audience: service.audience,
        needs: list(service.needs),
        situations: list(service.situations),
        access: list(service.access),
        area: list(service.area),
        languages: list(service.languages),
        accessibility: service.accessibility,
        cost: service.cost,
        acts_tonight: service.actsTonight,
        gender: service.gender,
        min_age: service.minAge,
        max_age: service.maxAge,
        children: service.children,
        residence_required: service.residenceRequired,
        referral_required: service.referralRequired,
        referred_by: service.referredBy,
        opening_hours: schedule?.openingHours,
        hours_description: schedule?.description,
        service_phone: contactCells(serviceContacts, "PHONE"),
        service_sms: contactCells(serviceContacts, "SMS"),
        service_email: contactCells(serviceContacts, "EMAIL"),
        service_website: contactCells(serviceContacts, "WEB"),
      };
      const places = service.at as string[];
      for (const place of places.length > 0 ? places : [null]) {
        rows.push({ ...actorCells, ...serviceCells, ...placeCells(locations, place), ...provenanceCells(service) });
      }
    }
  }
  return stringify(rows, { header: true, columns: [...csvColumns], cast: { boolean: (value) => String(value) } });
}

function placeCells(locations: Map<string, GraphRecords["locations"][number]>, id: string | null): Cells {
  const place = id === null ? undefined : locations.get(id);
  if (!place) return {};
  const hidden = place.confidential;
  return {
    location_id: place.id,
    location_name: place.name,
    address: hidden ? null : place.address,
    postal_code: hidden ? null : place.postalCode,
    commune: place.commune,
    latitude: hidden ? null : place.latitude,
    longitude: hidden ? null : place.longitude,
    confidential: place.confidential,
  };
}

function provenanceCells(record: Row): Cells {
  return { source: record.source, verified_at: record.verifiedAt };
}
