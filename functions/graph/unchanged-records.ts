/**
 * The records of a load that the graph already holds exactly as their rows state them, as the audit's
 * snapshot before the load read them (properties, own relations and parts) or, for zones, as the
 * export reads them. A service held as stated need not be written, nor read again by the audit: a feed
 * imported again is mostly such services. And no record held as stated is named as changed, so that
 * the areas whose reads routes keep (graph-version.ts) keep them: importing a département's file again
 * unchanged lets none of its reads go. Anything that differs, or that the comparison does not know (a
 * record the snapshot does not hold, a zone the load was not given), counts as changed.
 */
import type { NodeState, Snapshot } from "../audit/audit-trail";
import type { GraphRecords } from "./dump-dataset";

type Row = Record<string, unknown>;

/** The service rows' fields that are relations, with the relation each is written as. */
const relationFields = { situations: "HANDLES", needs: "ANSWERS", area: "SERVES", at: "AT" } as const;

export interface ServiceRows {
  service: Row;
  contacts: Row[];
  schedule: Row | null;
  capacity: Row | null;
}

export interface ActorRows {
  actor: Row;
  contacts: Row[];
}

/** The rows a load writes, as load-dataset.ts gives them to its statements. */
export interface LoadRows {
  services: ServiceRows[];
  actors: ActorRows[];
  locations: Row[];
  zones: Row[];
}

/** What the graph held before the load: the audit's snapshot, and the zones the export reads (GraphRecords). */
export interface HeldBefore {
  snapshot: Snapshot;
  zones?: GraphRecords["zones"];
}

export interface UnchangedRecords {
  services: Set<string>;
  actors: Set<string>;
  locations: Set<string>;
  /** By code. */
  zones: Set<string>;
}

export function unchangedRecords(rows: LoadRows, { snapshot, zones }: HeldBefore): UnchangedRecords {
  const parts = partsByOwner(snapshot);
  const heldZones = new Map((zones ?? []).map((zone) => [zone.code, zone]));
  const idsOf = <T>(records: T[], id: (record: T) => string, same: (record: T) => boolean) => new Set(records.filter(same).map(id));
  return {
    services: idsOf(rows.services, (r) => r.service.id as string, (r) => sameService(r, snapshot, parts)),
    actors: idsOf(rows.actors, (r) => r.actor.id as string, (r) => sameActor(r, snapshot.get(r.actor.id as string), parts.get(r.actor.id as string) ?? [])),
    locations: idsOf(rows.locations, (r) => r.id as string, (r) => sameLocation(r, snapshot.get(r.id as string))),
    zones: idsOf(rows.zones, (r) => r.code as string, (r) => sameZone(r, heldZones.get(r.code as string))),
  };
}

function partsByOwner(snapshot: Snapshot): Map<string, NodeState[]> {
  const parts = new Map<string, NodeState[]>();
  for (const state of snapshot.values()) {
    if (state.owner === undefined) continue;
    const owned = parts.get(state.owner);
    if (owned) owned.push(state);
    else parts.set(state.owner, [state]);
  }
  return parts;
}

function sameService({ service, contacts, schedule, capacity }: ServiceRows, snapshot: Snapshot, partsOf: Map<string, NodeState[]>): boolean {
  const id = service.id as string;
  const stored = snapshot.get(id);
  const actor = snapshot.get(service.actorId as string);
  if (stored?.label !== "Service" || !actor || !relationsOf(actor).includes(`OFFERS ${id}`)) return false;
  const { actorId: _actorId, situations: _s, needs: _n, area: _a, at: _at, ...properties } = service;
  if (!sameValues(properties, stored.properties)) return false;
  const expected = Object.entries(relationFields).flatMap(([field, type]) => (service[field] as string[]).map((key) => `${type} ${key}`));
  if (!sameList(expected, relationsOf(stored))) return false;

  const parts = partsOf.get(id) ?? [];
  if (!sameContacts(contacts, parts)) return false;
  const storedSchedule = parts.filter((p) => p.label === "Schedule");
  const writtenSchedule = schedule && { ...withoutNote(schedule), timezone: "Europe/Paris" };
  if (!sameChild(writtenSchedule, storedSchedule)) return false;
  const storedCapacity = parts.filter((p) => p.label === "Capacity");
  if (!sameChild(capacity && capacityAsWritten(capacity), storedCapacity)) return false;
  return parts.length === parts.filter((p) => p.label === "ContactPoint").length + storedSchedule.length + storedCapacity.length;
}

/**
 * What the load writes of a capacity: free places, and the day they were set, only when the row
 * states them; otherwise it keeps those an operator set (load-statements.ts, mergeCapacities), which
 * the comparison then leaves aside too.
 */
function capacityAsWritten(capacity: Row): Row {
  const { placesFree, updatedAt, ...written } = withoutNote(capacity);
  return placesFree === null || placesFree === undefined ? written : { ...written, placesFree, updatedAt: updatedAt ?? null };
}

function sameActor({ actor, contacts }: ActorRows, stored: NodeState | undefined, parts: NodeState[]): boolean {
  if (stored?.label !== "Actor") return false;
  const { covers, basedAt, ...properties } = actor;
  if (!sameValues(properties, stored.properties)) return false;
  const expected = [...new Set(covers as string[])].map((code) => `COVERS ${code}`).concat(basedAt ? [`BASED_AT ${basedAt as string}`] : []);
  // An actor's other relations (OFFERS, PARTY_TO, links) are its services', conventions' and links'.
  const own = relationsOf(stored).filter((relation) => relation.startsWith("COVERS ") || relation.startsWith("BASED_AT "));
  return sameList(expected, own) && sameContacts(contacts, parts) && parts.every((p) => p.label === "ContactPoint");
}

function sameLocation(location: Row, stored: NodeState | undefined): boolean {
  if (stored?.label !== "Location") return false;
  const { commune, ...properties } = withoutNote(location);
  const own = relationsOf(stored).filter((relation) => relation.startsWith("IN_COMMUNE "));
  return sameValues(properties, stored.properties) && sameList([`IN_COMMUNE ${commune as string}`], own);
}

/** A zone as the export read it: its name, source, parent and member communes. */
function sameZone(zone: Row, held: GraphRecords["zones"][number] | undefined): boolean {
  if (!held) return false;
  return zone.name === held.name && zone.source === held.source && zone.partOf === held.partOf && sameList([...new Set(zone.communes as string[])], held.communes);
}

/** Each contact the row lists is one stored contact with the same values, and no other is stored. */
function sameContacts(contacts: Row[], parts: NodeState[]): boolean {
  const stored = parts.filter((p) => p.label === "ContactPoint");
  if (stored.length !== contacts.length) return false;
  return contacts.every((contact) => {
    const twin = stored.filter((p) => p.properties.channel === contact.channel && p.properties.value === contact.value);
    return twin.length === 1 && sameValues(contact, twin[0]!.properties);
  });
}

/** A service's one optional child (schedule, capacity) as the row states it, or none. */
function sameChild(row: Row | null, stored: NodeState[]): boolean {
  return row === null ? stored.length === 0 : stored.length === 1 && sameValues(row, stored[0]!.properties);
}

function relationsOf(state: NodeState): string[] {
  return (state.properties.relations as string[] | undefined) ?? [];
}

/** A record's note is the file's, never written to the graph. */
function withoutNote({ note: _note, ...row }: Row): Row {
  return row;
}

/** Whether each value the row states is the stored one (null as absent, a date as its ISO text). */
function sameValues(row: Row, stored: Row): boolean {
  return Object.entries(row).every(([key, value]) => JSON.stringify(value ?? null) === JSON.stringify(stored[key] ?? null));
}

function sameList(expected: string[], stored: string[]): boolean {
  return expected.length === stored.length && [...expected].sort().join("\n") === [...stored].sort().join("\n");
}
