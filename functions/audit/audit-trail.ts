/**
 * The audit trail: every mutation writes, in its own transaction, who did it (token subject and
 * role), when, and the before/after of each property it changed. Records name staff and graph
 * nodes only; Parcours holds no data about victims.
 */
import { randomUUID } from "node:crypto";
import neo4j, { type ManagedTransaction } from "neo4j-driver";
import { snapshotCypher, writeAuditRecordCypher } from "../../generated/cypher";
import type { Caller } from "../auth/caller";

export interface PropertyChange {
  node: string;
  label: string;
  property: string;
  before: unknown;
  after: unknown;
}

/** Ids of the records a dataset write names, by label. */
export interface SnapshotScope {
  actors: string[];
  services: string[];
  locations: string[];
  sources: string[];
  conventions: string[];
}

export interface NodeState {
  label: string;
  properties: Record<string, unknown>;
  /** Of a part (contact, schedule, capacity): the id of the record it belongs to. */
  owner?: string;
}

export type Snapshot = Map<string, NodeState>;

export async function snapshot(tx: ManagedTransaction, scope: SnapshotScope): Promise<Snapshot> {
  const { records } = await tx.run(snapshotCypher, { ...scope });
  return new Map(
    records.map((record) => {
      const relations = record.get("relations") as string[] | null;
      const owner = record.get("owner") as string | null;
      const properties = plain(record.get("properties")) as Record<string, unknown>;
      const state: NodeState = { label: record.get("label") as string, properties: relations ? { ...properties, relations: [...relations].sort() } : properties };
      return [record.get("id") as string, owner === null ? state : { ...state, owner }];
    }),
  );
}

/** The properties that differ between two snapshots; null stands for a node or property that is absent. */
export function changesBetween(before: Snapshot, after: Snapshot): PropertyChange[] {
  const changes: PropertyChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const old = before.get(id);
    const current = after.get(id);
    const label = (current ?? old)!.label;
    const keys = [...new Set([...Object.keys(old?.properties ?? {}), ...Object.keys(current?.properties ?? {})])].sort();
    for (const property of keys) {
      const was = old?.properties[property] ?? null;
      const is = current?.properties[property] ?? null;
      if (JSON.stringify(was) !== JSON.stringify(is)) changes.push({ node: id, label, property, before: was, after: is });
    }
  }
  return changes;
}

/** Whether two states of a node hold the same properties, whatever their order (absent and null alike). */
export function sameProperties(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  for (const property of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[property] ?? null) !== JSON.stringify(after[property] ?? null)) return false;
  }
  return true;
}

export interface AuditEntry {
  caller: Caller;
  operation: string;
  departement: string | null;
  changes: PropertyChange[];
}

export async function writeAuditRecord(tx: ManagedTransaction, { caller, operation, departement, changes }: AuditEntry): Promise<string> {
  const id = randomUUID();
  await tx.run(writeAuditRecordCypher, {
    id,
    subject: caller.subject ?? "anonymous",
    role: caller.role,
    operation,
    departement,
    changes: JSON.stringify(changes),
  });
  return id;
}

/** Neo4j temporal values as their ISO text, so that snapshots compare and serialise as JSON. */
function plain(value: unknown): unknown {
  if (neo4j.isDate(value as never) || neo4j.isDateTime(value as never)) return String(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}
