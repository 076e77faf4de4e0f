/**
 * Parcours' public data in the data·inclusion schema (v1, gip-inclusion/data-inclusion-schema): one
 * structure per actor, one service per service, written from what a PUBLIC caller reads as the HSDS
 * export is. Ids are Parcours' own, so that the file comes back to the same records. A thématique is
 * given when the reviewed mapping (seed/mappings/) reads in it only needs the service answers;
 * what the schema has no place for (situations, audience, capacity) is left out.
 */
import type { GraphRecords } from "../../graph/dump-dataset";
import { thematiquesOfNeeds } from "../../domain/directory-mapping";
import { NATIONAL } from "../../domain/territories";

type Row = Record<string, unknown>;

export const dataInclusionSource = "parcours";

interface StoredContact {
  channel: string;
  value: string;
}

export interface DataInclusionFile {
  structures: Row[];
  services: Row[];
}

export function toDataInclusion(graph: GraphRecords): DataInclusionFile {
  const locations = new Map(graph.locations.map((l) => [l.id, l]));
  const place = (id: string | undefined | null): Row => {
    const location = id ? locations.get(id) : undefined;
    if (!location) return {};
    return {
      adresse: location.address ?? null,
      code_postal: location.postalCode ?? null,
      code_insee: location.commune,
      latitude: location.latitude ?? null,
      longitude: location.longitude ?? null,
    };
  };
  const structures = graph.actors.map((actor) => {
    const contacts = actor.contacts as StoredContact[];
    return {
      source: dataInclusionSource,
      id: actor.id,
      nom: actor.name,
      siret: actor.siret ?? null,
      date_maj: actor.verifiedAt,
      description: longEnough(actor.description),
      telephone: first(contacts, "PHONE"),
      courriel: first(contacts, "EMAIL"),
      site_web: first(contacts, "WEB"),
      ...place(actor.basedAt as string | null),
    };
  });
  const services = graph.services.map((service) => {
    const contacts = service.contacts as StoredContact[];
    const schedule = service.schedule as { openingHours: string | null } | null;
    const access = service.access as string[];
    const zones = (service.area as string[]).map((code) => (code === NATIONAL ? "france" : code)).filter((code) => /^(?:\w{5}|\w{2,3}|\d{9}|france)$/.test(code));
    return {
      source: dataInclusionSource,
      structure_id: service.actorId,
      id: service.id,
      nom: service.name,
      description: longEnough(service.description) ?? service.name,
      date_maj: service.verifiedAt,
      thematiques: thematiquesOfNeeds(service.needs as string[]),
      frais: service.cost === "FREE" ? "gratuit" : service.cost === "PAID" ? "payant" : null,
      publics: service.gender === "WOMEN" ? ["femmes"] : null,
      modes_accueil: modesOf(access),
      horaires_accueil: schedule?.openingHours ?? null,
      zone_eligibilite: zones.length > 0 ? zones : null,
      telephone: first(contacts, "PHONE"),
      courriel: first(contacts, "EMAIL"),
      lien_source: first(contacts, "WEB"),
      ...place((service.at as string[])[0]),
    };
  });
  return { structures, services };
}

function first(contacts: StoredContact[], channel: string): string | null {
  return contacts.find((c) => c.channel === channel)?.value ?? null;
}

/** The schema wants at least five characters. */
function longEnough(text: unknown): string | null {
  return typeof text === "string" && text.trim().length >= 5 ? text : null;
}

function modesOf(access: string[]): string[] | null {
  const modes = [
    ...(access.some((a) => a === "WALK_IN" || a === "APPOINTMENT" || a === "OUTREACH") ? ["en-presentiel"] : []),
    ...(access.some((a) => a === "PHONE" || a === "SMS" || a === "ONLINE") ? ["a-distance"] : []),
  ];
  return modes.length > 0 ? modes : null;
}
