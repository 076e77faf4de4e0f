import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jSettings } from "../config";

export function createDriver({ uri, user, password }: Neo4jSettings): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // A Lambda container serves one request at a time: a small pool, short waits, no idle sockets kept.
    maxConnectionPoolSize: 10,
    connectionAcquisitionTimeout: 10_000,
    // API Gateway gives up after 30 s, and the driver's defaults (30 s of retries, 30 s to connect)
    // would outlast it. With 5 s, the last retry starts about 3 s after the first attempt and waits
    // its backoff (up to 4.8 s): an unreachable Neo4j fails within about 8 s, and a route in danger
    // still answers the emergency numbers shipped with it (functions/routes/referral-route.ts).
    maxTransactionRetryTime: 5_000,
    connectionTimeout: 5_000,
    disableLosslessIntegers: true,
  });
}

/**
 * Neo4j down or out of reach (the driver's ServiceUnavailable, or SessionExpired when the connection
 * drops in the transaction), once the driver has stopped retrying. Other failures, a bug or a timeout,
 * are not this.
 */
export function isGraphUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED;
}
