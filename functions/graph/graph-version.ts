/**
 * The graph's version: one node, given a new random version by every transaction that writes the
 * records (markGraphChanged, called by writeDataset and writeAuditRecord, at their end so that the
 * node's lock is held only until the commit). What is read from the graph under one version may be
 * kept and used again while the version is unchanged (version-keyed-cache.ts).
 */
import type { ManagedTransaction } from "neo4j-driver";
import { markGraphChangedCypher, readGraphVersionCypher } from "../../generated/cypher";
import type { RunRead } from "./auto-commit-read";

export async function markGraphChanged(tx: ManagedTransaction): Promise<void> {
  await tx.run(markGraphChangedCypher);
}

/** The current version, or null for a graph no write of records has gone through (never cached). */
export async function readGraphVersion(run: RunRead): Promise<string | null> {
  const { records } = await run(readGraphVersionCypher);
  return (records[0]?.get("version") as string | undefined) ?? null;
}
