/**
 * Reads kept by the function between requests while the graph's version is unchanged
 * (graph-version.ts): a read asked again under the same version gives what it gave, without asking
 * Neo4j. Only reads whose key holds all they depend on besides the graph may be kept: a statement
 * and its parameters, a route's query parameters. What is kept is frozen: requests share it.
 */
import { LRUCache } from "lru-cache";

let readsKept = true;

/** Whether reads are kept (default) or every one asks Neo4j: `npm run bench:routes` measures both in one run. */
export function keepReads(kept: boolean): void {
  readsKept = kept;
}

export type KeyedRead<Value> = (version: string | null, key: string, read: () => Promise<Value>) => Promise<Value>;

/** At most `maxSize` units of `sizeOf` kept, the least recently used let go first. A graph without a version is never kept. */
export function versionKeyedCache<Value extends object>(maxSize: number, sizeOf: (value: Value) => number): KeyedRead<Value> {
  const kept = new LRUCache<string, Value>({ maxSize, sizeCalculation: (value) => Math.max(1, sizeOf(value)) });
  let latestVersion: string | null = null;
  return async (version, key, read) => {
    if (version === null || !readsKept) return read();
    // What was read under an older version is never asked for again: let it go at once.
    if (version !== latestVersion) {
      kept.clear();
      latestVersion = version;
    }
    const versionedKey = `${version}\n${key}`;
    const value = kept.get(versionedKey);
    if (value) return value;
    const fresh = deepFreeze(await read());
    kept.set(versionedKey, fresh);
    return fresh;
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
