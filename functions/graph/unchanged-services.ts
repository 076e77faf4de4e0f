/**
 * The services of a load that the graph already holds exactly as their rows state them — properties,
 * relations, contacts, schedule and capacity, as the audit's snapshot before the load read them — so
 * that the load need not write them, nor the audit read them again: a feed imported again is mostly
 * such services. Anything that differs, or that the comparison does not know, writes the service.
 */
import type { NodeState, Snapshot } from "../audit/audit-trail";

type Row = Record<string, unknown>;

/** The service rows' fields that are relations, with the relation each is written as. */
const relationFields = { situations: "HANDLES", needs: "ANSWERS", area: "SERVES", at: "AT" } as const;

export interface ServiceRows {
  service: Row;
  contacts: Row[];
  schedule: Row | null;
  capacity: Row | null;
}

export function unchangedServices(services: ServiceRows[], before: Snapshot): Set<string> {
  const parts = new Map<string, NodeState[]>();
  for (const state of before.values()) {
    if (state.owner === undefined) continue;
    const owned = parts.get(state.owner);
    if (owned) owned.push(state);
    else parts.set(state.owner, [state]);
  }
  const unchanged = new Set<string>();
  for (const rows of services) {
    const id = rows.service.id as string;
    const stored = before.get(id);
    const actor = before.get(rows.service.actorId as string);
    if (stored?.label !== "Service" || !actor) continue;
    const relations = (actor.properties.relations as string[] | undefined) ?? [];
    if (!relations.includes(`OFFERS ${id}`)) continue;
    if (sameService(rows, stored, parts.get(id) ?? [])) unchanged.add(id);
  }
  return unchanged;
}

function sameService({ service, contacts, schedule, capacity }: ServiceRows, stored: NodeState, parts: NodeState[]): boolean {
  const { actorId: _actorId, situations: _s, needs: _n, area: _a, at: _at, ...properties } = service;
  if (!sameValues(properties, stored.properties)) return false;
  const expected = Object.entries(relationFields).flatMap(([field, type]) => (service[field] as string[]).map((key) => `${type} ${key}`));
  if (!sameList(expected, (stored.properties.relations as string[] | undefined) ?? [])) return false;

  const storedContacts = parts.filter((p) => p.label === "ContactPoint");
  if (storedContacts.length !== contacts.length) return false;
  for (const contact of contacts) {
    const twin = storedContacts.filter((p) => p.properties.channel === contact.channel && p.properties.value === contact.value);
    if (twin.length !== 1 || !sameValues(contact, twin[0]!.properties)) return false;
  }
  const storedSchedule = parts.filter((p) => p.label === "Schedule");
  if (schedule === null ? storedSchedule.length > 0 : storedSchedule.length !== 1 || !sameValues({ ...schedule, timezone: "Europe/Paris" }, storedSchedule[0]!.properties)) return false;
  const storedCapacity = parts.filter((p) => p.label === "Capacity");
  // A capacity the row states is written with the free places operators set: the comparison leaves that to the load.
  return capacity === null && storedCapacity.length === 0 && parts.length === storedContacts.length + storedSchedule.length;
}

/** Whether each value the row states is the stored one (null as absent, a date as its ISO text). */
function sameValues(row: Row, stored: Row): boolean {
  return Object.entries(row).every(([key, value]) => JSON.stringify(value ?? null) === JSON.stringify(stored[key] ?? null));
}

function sameList(expected: string[], stored: string[]): boolean {
  return expected.length === stored.length && [...expected].sort().join("\n") === [...stored].sort().join("\n");
}
