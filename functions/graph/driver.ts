import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jSettings } from "../config";

export function createDriver({ uri, user, password }: Neo4jSettings): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // A Lambda container serves one request at a time: a small pool, short waits, no idle sockets kept.
    maxConnectionPoolSize: 10,
    connectionAcquisitionTimeout: 10_000,
    disableLosslessIntegers: true,
  });
}
