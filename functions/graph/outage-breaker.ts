/**
 * A circuit breaker (opossum) between the API and Neo4j: once a request has found the graph out of
 * reach (the driver gave up retrying), new work fails at once for a second instead of each request
 * waiting its own connection timeouts and retries. Then the next request has the breaker probe the
 * graph with `RETURN 1`, and it and those that come meanwhile wait for that answer: the graph
 * answers, they all go on; it does not, they fail at once again. During an outage the API so answers
 * within a few seconds — SERVICE_UNAVAILABLE, or a degraded route with the emergency numbers — and it
 * recovers by itself, at the first request after Neo4j answers again.
 */
import CircuitBreaker from "opossum";
import neo4j, { Neo4jError, type Driver, type Session } from "neo4j-driver";
import { isGraphUnreachable } from "./graph-unreachable";
import { tooLate, withinLimit } from "./within-limit";

export const probeAfterMs = 1_000;

/**
 * How long the probe waits for Neo4j's `RETURN 1`, and so the requests behind it: a graph that serves
 * answers in milliseconds, a port that refuses at once; a Neo4j restarting accepts connections and
 * transactions seconds before it serves them, and is then counted out of reach for one more second.
 * The probe is not a request's own work: on a Neo4j just restarted, a route's query waits seconds for
 * its plan, and every request behind it would wait (or be refused) as long.
 */
export const probeLimitMs = 1_500;

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

/** The SERVICE_UNAVAILABLE errors of the breaker itself, Neo4j not tried (a Neo4jError cannot be subclassed: its constructor resets its prototype). */
const refusals = new WeakSet<object>();

function refusal(): Neo4jError {
  const error = new Neo4jError("the graph was out of reach a moment ago; not tried again yet", neo4j.error.SERVICE_UNAVAILABLE, "50N42", "error: general processing exception - unexpected error");
  refusals.add(error);
  return error;
}

/** Whether the error is the breaker's refusal, Neo4j not tried: what a log tells apart from the graph found out of reach. */
export function refusedByOutageBreaker(error: unknown): boolean {
  return typeof error === "object" && error !== null && refusals.has(error);
}

type Work<T> = () => Promise<T>;
type Guard = <T>(work: Work<T>) => Promise<T>;

const guards = new WeakMap<Driver, Guard>();
const unguarded = new WeakMap<Driver, Driver>();
const recoveries = new WeakMap<Driver, Set<(driver: Driver) => unknown>>();

/**
 * Runs work that reaches Neo4j by another way than a transaction function (functions/graph/auto-commit-read.ts)
 * under the breaker of a driver made by withOutageBreaker; another driver runs it as it is.
 */
export function underOutageBreaker<T>(driver: Driver, work: Work<T>): Promise<T> {
  const guard = guards.get(driver);
  return guard ? guard(work) : work();
}

/**
 * The driver without its breaker, for work nobody waits for (the demand counts after a route): its
 * failure is not a request's, and must not refuse the requests that follow; a request finds an outage
 * for itself.
 */
export function withoutOutageBreaker(driver: Driver): Driver {
  return unguarded.get(driver) ?? driver;
}

/**
 * Has `recovered` called with the driver each time its breaker lets work through again after an
 * outage (the graph answered the probe): once per function, however many times it is registered.
 */
export function whenGraphAnswersAgain(driver: Driver, recovered: (driver: Driver) => unknown): void {
  const callbacks = recoveries.get(driver);
  if (callbacks) callbacks.add(recovered);
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
  const fire = <T>(work: Work<T>): Promise<T> =>
    (breaker.fire(work) as Promise<T>).catch((error: unknown) => {
      if (isGraphUnreachable(error)) lastUnreachableAt = Date.now();
      if ((error as { code?: unknown }).code === "EOPENBREAKER") throw refusal();
      throw error;
    });
  let probe: Promise<void> | undefined;
  const guarded: Guard = async <T>(work: Work<T>): Promise<T> => {
    if (breaker.halfOpen) {
      probe ??= fire(() => answers(driver)).finally(() => {
        probe = undefined;
      });
      await probe.catch(() => {
        if (!breaker.closed) throw refusal();
      });
    }
    return fire(work);
  };
  const callbacks = new Set<(driver: Driver) => unknown>();
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
  breaker.on("close", () => {
    // After the breaker's own event, never inside it: a step that fails must not leave the probe, and the
    // requests waiting for it, unanswered.
    for (const recovered of callbacks) {
      Promise.resolve()
        .then(() => recovered(guardedDriver))
        .catch((error: unknown) => console.error(JSON.stringify({ level: "ERROR", message: "a step after the graph answered again failed", kind: (error as Error).name })));
    }
  });
  guards.set(guardedDriver, guarded);
  unguarded.set(guardedDriver, driver);
  recoveries.set(guardedDriver, callbacks);
  return guardedDriver;
}

/** The probe: one `RETURN 1`, not retried, within probeLimitMs; past it, the graph counts as out of reach. */
async function answers(driver: Driver): Promise<void> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  const query = session.run("RETURN 1", {}, { timeout: probeLimitMs });
  const answer = await withinLimit(
    query.then(
      () => undefined,
      (error: unknown) => error,
    ),
    probeLimitMs,
  ).finally(() => void session.close().catch(() => undefined));
  if (answer === tooLate) throw new Neo4jError(`the graph did not answer within ${probeLimitMs} ms`, neo4j.error.SERVICE_UNAVAILABLE, "50N42", "error: general processing exception - unexpected error");
  if (answer !== undefined) throw answer;
}
