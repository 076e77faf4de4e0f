/**
 * Reads as auto-commit queries. A transaction function costs the driver and Neo4j a BEGIN and a COMMIT
 * around its queries, each one more message and one more socket write, where an auto-commit query is
 * one RUN and its PULL, sent together: a route flushes twice instead of four times. What the
 * transaction function gave is kept: the outage breaker (functions/graph/outage-breaker.ts), every
 * query time-limited (its timeout), and a transient failure tried again for as long as the driver
 * retries its transactions, with the same backoff.
 */
import neo4j, { isRetryableError, type Driver, type QueryResult, type RecordShape } from "neo4j-driver";
import { retryTimeMs } from "./driver";
import { underOutageBreaker } from "./outage-breaker";

/** One auto-commit read query, limited to the read's timeout. */
export type RunRead = <Shape extends RecordShape = RecordShape>(query: string, parameters?: Record<string, unknown>) => Promise<QueryResult<Shape>>;

/** The driver's backoff (TransactionExecutor): 1 s, doubled at each retry, ±20 %. */
const firstRetryDelayMs = 1_000;
const retryDelayJitter = 0.2;

/**
 * Runs `work`, whose queries are auto-commit reads on one session, again from the start when one
 * of them fails transiently, as session.executeRead does with its transaction function.
 */
export async function autoCommitRead<T>(driver: Driver, timeoutMs: number, work: (run: RunRead) => Promise<T>): Promise<T> {
  return underOutageBreaker(driver, async () => {
    let firstFailure: number | undefined;
    for (let delayMs = firstRetryDelayMs; ; delayMs *= 2) {
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      const run: RunRead = (query, parameters) => withoutStackCapture(() => session.run(query, parameters, { timeout: timeoutMs }));
      try {
        return await work(run);
      } catch (error) {
        firstFailure ??= Date.now();
        if (Date.now() - firstFailure > retryTimeMs || !isRetryableError(error)) throw error;
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs * (1 - retryDelayJitter + 2 * retryDelayJitter * Math.random())));
    }
  });
}

/**
 * The driver captures a stack trace for each query it starts, to show where a failed one began: a
 * twentieth of a route's CPU in the handler, for logs whose Neo4j error code and message already say
 * what failed. These reads start their queries without one (the limit is restored before anything
 * else runs: the query starts synchronously).
 */
function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
