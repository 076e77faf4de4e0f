import neo4j, { type Driver } from "neo4j-driver";
import type { Neo4jSettings } from "../config";
import { withOutageBreaker } from "./outage-breaker";

/** How long a failed transaction, or an auto-commit read (functions/graph/auto-commit-read.ts), is tried again. */
export const retryTimeMs = 1_000;

export function createDriver({ uri, user, password }: Neo4jSettings): Driver {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // A Lambda container serves one request at a time: a small pool, short waits, no idle sockets kept.
    maxConnectionPoolSize: 10,
    // During an outage every answer comes within 5 s (SERVICE_UNAVAILABLE, or a degraded route with
    // the emergency numbers shipped with it: functions/routes/referral-route.ts), well before API
    // Gateway's 30 s, where the driver's defaults (30 s of retries, 30 s to connect) would outlast it.
    // A refused connection fails at once: the retries' backoff is the wait, the first retry about 1 s
    // after the first failure and, since 1 s of retrying has not quite passed, a last one about 2 s
    // later (±20 %): 3.6 s at most. An address that does not answer at all costs the connection
    // timeout per attempt, two attempts and the backoff between them: 1.5 + 1.2 + 1.5 s. A full pool
    // gives up after 3 s, without retrying: the graph is busy, not gone, and the breaker stays closed
    // (functions/graph/graph-unreachable.ts). Once the driver has found the graph unreachable, the
    // breaker (functions/graph/outage-breaker.ts) answers the next requests at once.
    // A deadlock or a leader switch is still retried, within that second.
    connectionAcquisitionTimeout: 3_000,
    maxTransactionRetryTime: retryTimeMs,
    connectionTimeout: 1_500,
    disableLosslessIntegers: true,
  });
  return withOutageBreaker(driver);
}
