/**
 * A circuit breaker (opossum) between the API and Neo4j: once the graph has been found out of reach
 * (the driver gave up retrying), new work fails at once for a second instead of each request waiting
 * its own connection timeouts and retries, then one request probes and the next ones follow if it
 * succeeds. During an outage the API so answers within a few seconds — SERVICE_UNAVAILABLE, or a
 * degraded route with the emergency numbers — and it recovers by itself when Neo4j is back.
 */
import CircuitBreaker from "opossum";
import neo4j, { Neo4jError, type Driver, type Session } from "neo4j-driver";
import { isGraphUnreachable } from "./graph-unreachable";

export const probeAfterMs = 1_000;

/**
 * How long after the graph was last found out of reach it counts as recovering: a Neo4j restarting
 * after a crash accepts connections seconds before it serves them (7-10 s under `npm run chaos`), and
 * reads and writes then wait under a short limit rather than the 10 s query timeout, which such a Neo4j
 * enforces only seconds late: recoveringLimitMs.
 */
export const recoveryWindowMs = 60_000;
let lastUnreachableAt = Number.NEGATIVE_INFINITY;

/**
 * How long a request waits for a recovering graph before it gives up — a route then answers degraded
 * with the emergency numbers (functions/routes/referral-route.ts), `updatePlacesFree` answers
 * SERVICE_UNAVAILABLE (functions/mutations/update-places-free.ts) — and the time limit of a transaction
 * begun while the graph recovers, so that Neo4j stops the work nobody waits for any more. Both queries
 * answer in tens of milliseconds; a Neo4j restarting after a crash accepts a transaction seconds
 * before it serves it (7-10 s under `npm run chaos`) and stops it at the 10 s timeout only 12 to 15 s
 * after it began, and a request queued for a connection when it crashed waits for the pool, then for
 * the driver's retries: the caller is answered within 5 s instead. A healthy graph keeps the
 * request's 10 s: a cold container's first route may take seconds on a busy machine.
 */
export const recoveringLimitMs = 4_000;

/** Whether the graph was found out of reach (by any driver of this process) within recoveryWindowMs. */
export function graphRecovering(now = Date.now()): boolean {
  return now - lastUnreachableAt < recoveryWindowMs;
}

type Work<T> = () => Promise<T>;
type Guard = <T>(work: Work<T>) => Promise<T>;

const guards = new WeakMap<Driver, Guard>();

/**
 * Runs work that reaches Neo4j by another way than a transaction function (functions/graph/auto-commit-read.ts)
 * under the breaker of a driver made by withOutageBreaker; another driver runs it as it is.
 */
export function underOutageBreaker<T>(driver: Driver, work: Work<T>): Promise<T> {
  const guard = guards.get(driver);
  return guard ? guard(work) : work();
}

export function withOutageBreaker(driver: Driver): Driver {
  const breaker = new CircuitBreaker((work: Work<unknown>) => work(), {
    timeout: false,
    resetTimeout: probeAfterMs,
    // One unreachable graph is enough: it is the database, not one query, that is gone.
    errorThresholdPercentage: 1,
    volumeThreshold: 1,
    // Errors of a query (bad input, a timeout, a refused write) say the graph answered.
    errorFilter: (error: unknown) => !isGraphUnreachable(error),
  });
  const guarded: Guard = <T>(work: Work<T>): Promise<T> =>
    (breaker.fire(work) as Promise<T>).catch((error: unknown) => {
      if (isGraphUnreachable(error)) lastUnreachableAt = Date.now();
      if ((error as { code?: unknown }).code === "EOPENBREAKER") {
        throw new Neo4jError("the graph was out of reach a moment ago; not tried again yet", neo4j.error.SERVICE_UNAVAILABLE, "50N42", "error: general processing exception - unexpected error");
      }
      throw error;
    });
  const guardSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (property !== "executeRead" && property !== "executeWrite") return typeof value === "function" ? value.bind(target) : value;
        return (...args: unknown[]) => guarded(() => value.apply(target, args));
      },
    });
  const guardedDriver = new Proxy(driver, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "session") return (...args: unknown[]) => guardSession(value.apply(target, args));
      if (property === "executeQuery") return (...args: unknown[]) => guarded(() => value.apply(target, args));
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  guards.set(guardedDriver, guarded);
  return guardedDriver;
}
