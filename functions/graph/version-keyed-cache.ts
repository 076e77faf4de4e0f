/**
 * Reads kept by the function between requests while the version they depend on is unchanged
 * (graph-version.ts: the graph's, or an area's): a read asked again under the same version gives what
 * it gave, without asking Neo4j. Only reads whose key holds all they depend on besides the graph may
 * be kept: a statement and its parameters, a route's query parameters, an area and the audiences
 * read. What is kept is frozen: requests share it.
 */
import { LRUCache } from "lru-cache";

let keptStores: "all" | "none" | ReadonlySet<string> = "all";

/**
 * Which stores keep their reads: all (default), none, or those named. `npm run bench:routes` measures
 * a route asked again, one asked for the first time, and one that keeps nothing, in one run.
 */
export function keepReads(stores: boolean | readonly string[]): void {
  keptStores = stores === true ? "all" : stores === false ? "none" : new Set(stores);
}

/** Each store's fill, for `npm run bench:route-memory`: units of its size kept, its bound, its entries. */
const fills = new Map<string, () => { size: number; maxSize: number; entries: number }>();

export function keptFills(): Record<string, { size: number; maxSize: number; entries: number }> {
  return Object.fromEntries([...fills].map(([name, fill]) => [name, fill()]));
}

function keeps(name: string): boolean {
  return keptStores === "all" || (keptStores !== "none" && keptStores.has(name));
}

export interface VersionKeyedStore<Value> {
  /** What was kept under this version and key, if anything. */
  get(version: string | null, key: string): Value | undefined;
  /** What was kept under this key, under whichever version: a read that may be brought up to date. */
  latest(key: string): { version: string; value: Value } | undefined;
  /** Keeps a value read under this version (frozen), and gives it back; as it is when nothing is kept. */
  set(version: string | null, key: string, value: Value): Value;
  /**
   * As set, unless the key's entry is no longer `seen` (what latest gave, undefined for none): a read
   * that ended meanwhile kept its own, maybe of a later version, which this one must not replace.
   */
  replace(seen: { version: string; value: Value } | undefined, version: string | null, key: string, value: Value): Value;
}

/**
 * At most `maxSize` units of `sizeOf` kept, the least recently used let go first; one value a key,
 * under the version it was read at. Nothing is kept under a null version (a graph without one).
 */
export function versionKeyedStore<Value extends object>(name: string, maxSize: number, sizeOf: (value: Value) => number): VersionKeyedStore<Value> {
  const kept = new LRUCache<string, { version: string; value: Value }>({ maxSize, sizeCalculation: ({ value }) => Math.max(1, sizeOf(value)) });
  fills.set(name, () => ({ size: kept.calculatedSize, maxSize, entries: kept.size }));
  const set = (version: string | null, key: string, value: Value): Value => {
    if (version === null || !keeps(name)) return value;
    const frozen = deepFreeze(value);
    kept.set(key, { version, value: frozen });
    return frozen;
  };
  return {
    get(version, key) {
      if (version === null || !keeps(name)) return undefined;
      const entry = kept.get(key);
      if (entry?.version === version) return entry.value;
      // Read under another version: most likely an older one, never asked for again. Let it go at once.
      if (entry !== undefined) kept.delete(key);
      return undefined;
    },
    latest(key) {
      return keeps(name) ? kept.get(key) : undefined;
    },
    set,
    replace(seen, version, key, value) {
      return kept.peek(key) === seen ? set(version, key, value) : value;
    },
  };
}

export type KeyedRead<Value> = (version: string | null, key: string, read: () => Promise<Value>) => Promise<Value>;

/** A store read through: what is not kept is read, then kept. */
export function versionKeyedCache<Value extends object>(name: string, maxSize: number, sizeOf: (value: Value) => number): KeyedRead<Value> {
  const store = versionKeyedStore(name, maxSize, sizeOf);
  return async (version, key, read) => store.get(version, key) ?? store.set(version, key, await read());
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
