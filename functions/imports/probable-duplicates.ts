/**
 * Records a file (or a coordinator's saveDataset) creates that look like one the graph already holds —
 * an actor with the same SIRET or RNA number, of the same name in the same commune (or, when either
 * has no seat, the same département), or with the same public phone number; a place of the same name
 * in the same commune; a service of the same name offered by the same actor — are refused as "doublon probable de <id>":
 * the file must name the record by its id to update it. Two new records of the same file that look
 * alike in the same way are refused too, the second naming the first and its line: one record must
 * be declared once. An update that gives an actor the SIRET or RNA number of another is refused the
 * same way: a registry number names one actor. Only what a public caller reads is compared (registry numbers, names, communes,
 * public numbers), so that a report says nothing of a confidential address or a referral-only number:
 * a place with a confidential address has no commune here, and an actor seated there no seat.
 */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { DatasetFile } from "../domain/dataset-schema";
import type { DatasetDocument, DatasetProblem } from "../domain/validate-dataset";
import { searchableName } from "../domain/territories";

interface ExistingActor {
  id: string;
  name: string;
  departement: string | null;
  commune: string | null;
  phones: string[];
  siret: string | null;
  rna: string | null;
  services: { id: string; name: string }[];
}

interface ExistingLocation {
  id: string;
  name: string;
  commune: string | null;
}

/**
 * A record the files create, with the line that declares it. The line is only looked up for a twin:
 * finding it parses a JSON file again with positions, too slow to do for every record of a large feed.
 */
interface NewRecord {
  id: string;
  line: () => number | null;
}

type NewActor = ExistingActor & NewRecord;

/**
 * The records of the graph the files' records could be taken for, and nothing else, so that the check
 * costs what the files hold, not what the graph holds (the whole graph took 7 s at France scale):
 * the actors they name by id, of their départements (or national, when one of theirs is), with one
 * of their registry numbers or public numbers, or seated in the commune of one of their seats; the
 * places they name by id or that lie in the commune of one of theirs; the services they name by id.
 */
const existingRecords = `
CALL () {
  CALL () {
    MATCH (a:Actor) WHERE a.id IN $actorIds RETURN a
    UNION
    MATCH (a:Actor) WHERE a.departement IN $departements RETURN a
    UNION
    MATCH (a:Actor) WHERE $nationalActors AND a.departement IS NULL RETURN a
    UNION
    MATCH (a:Actor) WHERE a.siret IN $sirets RETURN a
    UNION
    MATCH (a:Actor) WHERE a.rna IN $rnas RETURN a
    UNION
    MATCH (c:ContactPoint)<-[:HAS_CONTACT]-(a:Actor) WHERE c.value IN $phones RETURN a
    UNION
    MATCH (t:Territory)<-[:IN_COMMUNE]-(seat:Location)<-[:BASED_AT]-(a:Actor) WHERE t.code IN $communes AND NOT seat.confidential RETURN a
    UNION
    MATCH (place:Location)-[:IN_COMMUNE]->(:Territory)<-[:IN_COMMUNE]-(seat:Location)<-[:BASED_AT]-(a:Actor)
    WHERE place.id IN $locationIds AND NOT place.confidential AND NOT seat.confidential RETURN a
  }
  RETURN collect({id: a.id, name: a.name, departement: a.departement, siret: a.siret, rna: a.rna,
    commune: head(COLLECT { MATCH (a)-[:BASED_AT]->(seat:Location)-[:IN_COMMUNE]->(t:Territory) WHERE NOT seat.confidential RETURN t.code }),
    phones: COLLECT { MATCH (a)-[:HAS_CONTACT]->(c:ContactPoint) WHERE c.channel IN ['PHONE', 'SMS'] AND NOT coalesce(c.referralOnly, false) RETURN c.value },
    services: COLLECT { MATCH (a)-[:OFFERS]->(s:Service) RETURN s {.id, .name} }
  }) AS actors
}
CALL () {
  CALL () {
    MATCH (l:Location) WHERE l.id IN $locationIds RETURN l
    UNION
    MATCH (t:Territory)<-[:IN_COMMUNE]-(l:Location) WHERE t.code IN $communes AND NOT l.confidential RETURN l
  }
  RETURN collect({id: l.id, name: l.name, commune: CASE WHEN l.confidential THEN null ELSE head(COLLECT { MATCH (l)-[:IN_COMMUNE]->(t:Territory) RETURN t.code }) END}) AS locations
}
CALL () { MATCH (s:Service) WHERE s.id IN $serviceIds RETURN collect(s.id) AS serviceIds }
RETURN actors, locations, serviceIds`;

/** What the files' records could collide with, as existingRecords reads it. */
function scopeOf(dataset: DatasetFile[]) {
  const actors = dataset.flatMap((file) => file.actors);
  const locations = dataset.flatMap((file) => file.locations);
  const present = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((value): value is T => value !== null && value !== undefined))];
  return {
    actorIds: actors.map((actor) => actor.id),
    departements: present(actors.map((actor) => actor.departement)),
    nationalActors: actors.some((actor) => actor.departement === null),
    sirets: present(actors.map((actor) => actor.siret)),
    rnas: present(actors.map((actor) => actor.rna)),
    phones: present(actors.flatMap(publicPhonesOf)),
    communes: present(locations.map((location) => location.commune)),
    locationIds: present([...locations.map((location) => location.id), ...actors.map((actor) => actor.basedAt)]),
    serviceIds: actors.flatMap((actor) => actor.services.map((service) => service.id)),
  };
}

/** `graph`: an import reads before its write; saveDataset reads in its own write transaction, so that what it compares is what it writes over. */
export async function probableDuplicates(graph: Driver | ManagedTransaction, dataset: DatasetFile[], documents: DatasetDocument[]): Promise<DatasetProblem[]> {
  const scope = scopeOf(dataset);
  const { records } = "executeQuery" in graph ? await graph.executeQuery(existingRecords, scope, { routing: "READ" }) : await graph.run(existingRecords, scope);
  const actors = records[0]!.get("actors") as ExistingActor[];
  const locations = records[0]!.get("locations") as ExistingLocation[];
  const actorsById = new Map(actors.map((a) => [a.id, a]));
  const serviceIds = new Set(records[0]!.get("serviceIds") as string[]);
  const locationIds = new Set(locations.map((l) => l.id));
  const actorsByName = groupBy(actors, (a) => searchableName(a.name));
  const actorsByPhone = groupBy(actors.flatMap((a) => a.phones.map((phone) => ({ phone, actor: a }))), (p) => p.phone);
  const actorsByRegistryNumber = new Map(actors.flatMap((a) => registryKeys(a).map((key): [string, ExistingActor] => [key, a])));
  const locationsByName = groupBy(locations, (l) => `${searchableName(l.name)}|${String(l.commune)}`);
  const communeOf = new Map<string, string | null>([
    ...locations.map((l): [string, string | null] => [l.id, l.commune]),
    ...dataset.flatMap((f) => f.locations.map((l): [string, string | null] => [l.id, l.commune])),
  ]);

  const problems: DatasetProblem[] = [];
  // The records the files create, as they come: a later one that looks like one of them is its twin.
  const newActorsByName = new Map<string, NewActor[]>();
  const newActorsByPhone = new Map<string, NewActor>();
  const newActorsByRegistryNumber = new Map<string, NewActor>();
  const newLocationsByName = new Map<string, NewRecord>();
  const newServicesByName = new Map<string, NewRecord>();
  dataset.forEach((file, fileIndex) => {
    const document = documents[fileIndex]!;
    const refuseWith = (path: PropertyKey[], record: string, reason: string) =>
      problems.push({ file: document.file, line: document.lineOf(path), record: document.recordOf?.(path) ?? record, field: document.fieldOf?.([...path, "id"]) ?? "id", reason });
    const refuse = (path: PropertyKey[], record: string, existingId: string, why: string) =>
      refuseWith(path, record, `doublon probable de ${existingId} (${why}) : pour mettre à jour cet enregistrement, donnez-lui l'id ${existingId}`);
    const refuseTwin = (path: PropertyKey[], record: string, twin: NewRecord, why: string) =>
      refuseWith(
        path,
        record,
        `doublon probable de ${twin.id}${lineText(twin.line())} du même envoi (${why}) : un même enregistrement ne doit y figurer qu'une fois`,
      );

    file.locations.forEach((location, i) => {
      if (locationIds.has(location.id)) return;
      const key = `${searchableName(location.name)}|${location.commune}`;
      const [twin] = locationsByName.get(key) ?? [];
      const fileTwin = newLocationsByName.get(key);
      if (twin) refuse(["locations", i], `locations: ${location.id}`, twin.id, "même nom dans la même commune");
      else if (fileTwin) refuseTwin(["locations", i], `locations: ${location.id}`, fileTwin, "même nom dans la même commune");
      else newLocationsByName.set(key, { id: location.id, line: () => document.lineOf(["locations", i]) });
    });

    file.actors.forEach((actor, i) => {
      const path = ["actors", i];
      const stored = actorsById.get(actor.id);
      if (!stored) {
        const commune = actor.basedAt ? (communeOf.get(actor.basedAt) ?? null) : null;
        const name = searchableName(actor.name);
        const nameTwin = <T extends ExistingActor>(candidates: T[]) =>
          candidates.find((existing) => (commune !== null && existing.commune !== null ? existing.commune === commune : existing.departement === actor.departement));
        const why = (twin: ExistingActor) => (commune !== null && twin.commune !== null ? "même nom dans la même commune" : "même nom dans le même département");
        const phones = publicPhonesOf(actor);
        const registry = { siret: actor.siret ?? null, rna: actor.rna ?? null };
        const registryKey = registryKeys(registry).find((key) => actorsByRegistryNumber.has(key));
        const fileRegistryKey = registryKeys(registry).find((key) => newActorsByRegistryNumber.has(key));
        const sameName = nameTwin(actorsByName.get(name) ?? []);
        const phone = phones.find((value) => actorsByPhone.has(value));
        const fileTwin = nameTwin(newActorsByName.get(name) ?? []);
        const filePhone = phones.find((value) => newActorsByPhone.has(value));
        if (registryKey) refuse(path, `actors: ${actor.id}`, actorsByRegistryNumber.get(registryKey)!.id, sameRegistryNumber(registryKey));
        else if (fileRegistryKey) refuseTwin(path, `actors: ${actor.id}`, newActorsByRegistryNumber.get(fileRegistryKey)!, sameRegistryNumber(fileRegistryKey));
        else if (sameName) refuse(path, `actors: ${actor.id}`, sameName.id, why(sameName));
        else if (phone) refuse(path, `actors: ${actor.id}`, actorsByPhone.get(phone)![0]!.actor.id, "même numéro de téléphone public");
        else if (fileTwin) refuseTwin(path, `actors: ${actor.id}`, fileTwin, why(fileTwin));
        else if (filePhone) refuseTwin(path, `actors: ${actor.id}`, newActorsByPhone.get(filePhone)!, "même numéro de téléphone public");
        else {
          const created: NewActor = { id: actor.id, name: actor.name, departement: actor.departement, commune, phones, ...registry, services: [], line: () => document.lineOf(path) };
          const named = newActorsByName.get(name);
          if (named) named.push(created);
          else newActorsByName.set(name, [created]);
          for (const value of phones) if (!newActorsByPhone.has(value)) newActorsByPhone.set(value, created);
          for (const key of registryKeys(registry)) newActorsByRegistryNumber.set(key, created);
        }
        if (registryKey || fileRegistryKey || sameName || phone || fileTwin || filePhone) return;
      } else {
        // An update may give an actor a registry number: one that names another actor makes it its probable duplicate.
        const registry = { siret: actor.siret ?? null, rna: actor.rna ?? null };
        const added = registryKeys(registry).filter((key) => !registryKeys(stored).includes(key));
        const registryKey = added.find((key) => actorsByRegistryNumber.has(key) && actorsByRegistryNumber.get(key)!.id !== actor.id);
        const fileRegistryKey = added.find((key) => newActorsByRegistryNumber.has(key));
        const taken = (holder: string) => ` : ce numéro désigne déjà ${holder}, et un numéro ne désigne qu'un acteur`;
        if (registryKey) {
          const holder = actorsByRegistryNumber.get(registryKey)!.id;
          refuseWith(path, `actors: ${actor.id}`, `doublon probable de ${holder} (${sameRegistryNumber(registryKey)})${taken(holder)}`);
        } else if (fileRegistryKey) {
          const twin = newActorsByRegistryNumber.get(fileRegistryKey)!;
          refuseWith(path, `actors: ${actor.id}`, `doublon probable de ${twin.id}${lineText(twin.line())} du même envoi (${sameRegistryNumber(fileRegistryKey)})${taken(twin.id)}`);
        } else {
          const updated: NewActor = { ...stored, ...registry, line: () => document.lineOf(path) };
          for (const key of added) newActorsByRegistryNumber.set(key, updated);
        }
      }
      actor.services.forEach((service, j) => {
        if (serviceIds.has(service.id)) return;
        const servicePath = [...path, "services", j];
        const record = `actors: ${actor.id} / services: ${service.id}`;
        const key = `${actor.id}|${searchableName(service.name)}`;
        const twin = stored?.services.find((s) => searchableName(s.name) === searchableName(service.name));
        const fileTwin = newServicesByName.get(key);
        if (twin) refuse(servicePath, record, twin.id, "même nom, même acteur");
        else if (fileTwin) refuseTwin(servicePath, record, fileTwin, "même nom, même acteur");
        else newServicesByName.set(key, { id: service.id, line: () => document.lineOf(servicePath) });
      });
    });
  });
  return problems;
}

/** The numbers a caller can dial or text that the actor gives publicly: the only ones compared. */
function publicPhonesOf(actor: DatasetFile["actors"][number]): string[] {
  return actor.contacts.filter((c) => (c.channel === "PHONE" || c.channel === "SMS") && !c.referralOnly).map((c) => c.value);
}

function lineText(line: number | null): string {
  return line === null ? "" : `, ligne ${line}`;
}

/** An actor's registry numbers, each prefixed with its register so that the two never meet. */
function registryKeys(actor: { siret: string | null; rna: string | null }): string[] {
  return [...(actor.siret ? [`SIRET ${actor.siret}`] : []), ...(actor.rna ? [`RNA ${actor.rna}`] : [])];
}

function sameRegistryNumber(key: string): string {
  return key.startsWith("SIRET") ? `même ${key}` : `même numéro ${key}`;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
