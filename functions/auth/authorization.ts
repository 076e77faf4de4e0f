/**
 * The authorization checks @neo4j/graphql's rules cannot express. The role gates themselves are
 * @authentication rules on the mutations (schema/); what is here depends on the records a mutation
 * touches, which those rules cannot see: saveDataset writes through the dataset loader's Cypher, and
 * updatePlacesFree through its own, not through Cypher the library generates.
 */
import { Forbidden } from "../errors";
import type { Caller } from "./caller";
import type { DatasetFile } from "../domain/dataset-schema";
import { departementOfCommune } from "../domain/territories";

/** What the graph already holds of the records a write names, with their départements (null: national). */
export interface ExistingRecords {
  sources: string[];
  /** Each source with its properties and the départements of the actors whose records cite it (null: national). */
  citedSources: (Record<string, unknown> & { id: string; departements: (string | null)[] })[];
  locations: { id: string; communes: string[] }[];
  actors: { id: string; departement: string | null }[];
  services: { id: string; departements: (string | null)[] }[];
  conventions: { id: string; departements: (string | null)[] }[];
  /** The territories the write names that the graph holds (zones an import wrote among them). */
  territories: string[];
}

/**
 * ADMIN writes anything; a COORDINATOR writes the actors, services, locations, links and conventions of
 * its département. Shared records (README, Roles and access): a source that records of another
 * département cite is changed by an ADMIN only (a coordinator declares a new one); a service or an
 * actor is placed only at locations of the département; a convention names actors of the
 * département only (an ADMIN records one between départements).
 */
export function assertMayWriteDataset(caller: Caller, dataset: DatasetFile[], existing: ExistingRecords): void {
  if (caller.role === "ADMIN") return;
  const departement = caller.departement;
  if (caller.role !== "COORDINATOR" || departement === null) throw new Forbidden(`a ${caller.role} caller may not write the dataset. Nothing was written`);

  const existingActor = new Map(existing.actors.map((a) => [a.id, a.departement]));
  const existingLocation = new Map(existing.locations.map((l) => [l.id, l.communes.map(departementOfCommune)]));
  const existingService = new Map(existing.services.map((s) => [s.id, s.departements]));
  const existingConvention = new Map(existing.conventions.map((c) => [c.id, c.departements]));
  const actorsWritten = new Map(dataset.flatMap((f) => f.actors).map((a) => [a.id, a.departement]));
  const actorIsOurs = (id: string) => (actorsWritten.has(id) ? actorsWritten.get(id) : existingActor.get(id)) === departement;

  const outside: string[] = [];
  const refuse = (record: string, why: string) => outside.push(`${record} (${why})`);
  for (const location of dataset.flatMap((f) => f.locations)) {
    const now = existingLocation.get(location.id) ?? [];
    if (departementOfCommune(location.commune) !== departement || now.some((d) => d !== departement)) {
      refuse(`locations: ${location.id}`, "a commune of another département");
    }
  }
  const locationsWritten = new Map(dataset.flatMap((f) => f.locations).map((l) => [l.id, [departementOfCommune(l.commune)]]));
  const locationIsOurs = (id: string) => (locationsWritten.get(id) ?? existingLocation.get(id) ?? []).every((d) => d === departement);
  const citedSource = new Map(existing.citedSources.map((s) => [s.id, s]));
  for (const source of dataset.flatMap((f) => f.sources)) {
    const stored = citedSource.get(source.id);
    if (!stored || stored.departements.every((d) => d === departement)) continue;
    const changed = (["ref", "title", "publishedOn", "verifiedAt", "dateNote", "unverified"] as const).some(
      (key) => ((source as Record<string, unknown>)[key] ?? null) !== (stored[key] ?? null),
    );
    if (changed) refuse(`sources: ${source.id}`, "cited by records of another département: declare a new source");
  }
  for (const actor of dataset.flatMap((f) => f.actors)) {
    if (actor.basedAt && !locationIsOurs(actor.basedAt)) refuse(`actors: ${actor.id} basedAt ${actor.basedAt}`, "a location of another département");
    for (const service of actor.services) {
      for (const at of service.at.filter((id) => !locationIsOurs(id))) refuse(`services: ${service.id} at ${at}`, "a location of another département");
    }
    const now = existingActor.has(actor.id) ? [existingActor.get(actor.id)] : [];
    if (actor.departement !== departement || now.some((d) => d !== departement)) {
      refuse(`actors: ${actor.id}`, actor.departement === null || now.includes(null) ? "a national actor" : "an actor of another département");
    }
    for (const service of actor.services) {
      if ((existingService.get(service.id) ?? []).some((d) => d !== departement)) {
        refuse(`services: ${service.id}`, "offered by an actor of another département");
      }
    }
  }
  for (const link of dataset.flatMap((f) => f.links)) {
    if (!actorIsOurs(link.from)) refuse(`links: ${link.from} ${link.type} ${link.to}`, "from an actor of another département");
  }
  for (const convention of dataset.flatMap((f) => f.conventions)) {
    const parties = existingConvention.get(convention.id) ?? [];
    if (!convention.parties.some(actorIsOurs) || (parties.length > 0 && !parties.includes(departement))) {
      refuse(`conventions: ${convention.id}`, "no party of the département");
    } else if (!convention.parties.every(actorIsOurs)) {
      refuse(`conventions: ${convention.id}`, "a party of another département: an ADMIN records conventions between départements");
    }
  }
  if (outside.length > 0) throw new Forbidden(`a COORDINATOR of ${departement} writes only the records of its département, not ${outside.join(", ")}. Nothing was written`);
}

export interface PlacesFreeTarget {
  serviceId: string;
  providers: { id: string; departement: string | null }[];
}

/** A SHELTER_OPERATOR sets the free places of its own services, a COORDINATOR those of its département, an ADMIN any. */
export function assertMayUpdatePlacesFree(caller: Caller, { serviceId, providers }: PlacesFreeTarget): void {
  const allowed =
    caller.role === "ADMIN" ||
    (caller.role === "SHELTER_OPERATOR" && providers.some((p) => p.id === caller.actor)) ||
    (caller.role === "COORDINATOR" && providers.some((p) => p.departement === caller.departement));
  if (!allowed) {
    const whose = caller.role === "COORDINATOR" ? `no actor of ${caller.departement} offers it` : caller.role === "SHELTER_OPERATOR" ? `${caller.actor} does not offer it` : "the role may not";
    throw new Forbidden(`a ${caller.role} caller may not change the free places of ${serviceId}: ${whose}. Nothing was written`);
  }
}
