import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jSettings } from "../config";
import { withOutageBreaker } from "./outage-breaker";

export function createDriver({ uri, user, password }: Neo4jSettings): Driver {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // A Lambda container serves one request at a time: a small pool, short waits, no idle sockets kept.
    maxConnectionPoolSize: 10,
    // No connection within 5 s answers SERVICE_UNAVAILABLE (functions/graph/graph-unreachable.ts).
    connectionAcquisitionTimeout: 5_000,
    // API Gateway gives up after 30 s, and the driver's defaults (30 s of retries, 30 s to connect)
    // would outlast it. With 5 s, the last retry starts about 3 s after the first attempt and waits
    // its backoff (up to 4.8 s): an unreachable Neo4j fails within about 8 s, and a route in danger
    // still answers the emergency numbers shipped with it (functions/routes/referral-route.ts).
    maxTransactionRetryTime: 5_000,
    connectionTimeout: 5_000,
    disableLosslessIntegers: true,
  });
  return withOutageBreaker(driver);
}
