import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jSettings } from "../config";

export function createDriver({ uri, user, password }: Neo4jSettings): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // A Lambda container serves one request at a time: a small pool, short waits, no idle sockets kept.
    maxConnectionPoolSize: 10,
    connectionAcquisitionTimeout: 10_000,
    // API Gateway gives up after 30 s, and the driver's defaults (30 s of retries, 30 s to connect)
    // would outlast it: an unreachable Neo4j then fails within seconds, and a route in danger can
    // still answer the emergency numbers shipped with it (functions/routes/referral-route.ts).
    maxTransactionRetryTime: 5_000,
    connectionTimeout: 5_000,
    disableLosslessIntegers: true,
  });
}
