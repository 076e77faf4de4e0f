import neo4j from "neo4j-driver";

/** Neo4j's answer while the database itself is still starting (or stopping): the server is up, the graph is not. */
const databaseUnavailable = "Neo.TransientError.General.DatabaseUnavailable";

/**
 * Neo4j down or out of reach, once the driver has stopped retrying: its ServiceUnavailable,
 * SessionExpired when the connection drops in the transaction, or a database not started yet. This
 * is what the outage breaker counts (functions/graph/outage-breaker.ts). Other failures, a bug or a
 * query timeout, are not this.
 */
export function isGraphUnreachable(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED || code === databaseUnavailable;
}

/**
 * No pooled connection to be had in time (the pool's acquisition timeout, an error without a code):
 * every connection is busy with other requests. Under overload that is a database that answers, only
 * not at once: it answers SERVICE_UNAVAILABLE (try again) and a degraded route, but does not open the
 * outage breaker, which would refuse everyone for a second as if Neo4j were gone.
 */
export function isGraphBusy(error: unknown): boolean {
  const { message } = (error ?? {}) as { message?: unknown };
  return typeof message === "string" && message.startsWith("Connection acquisition timed out");
}

/** Neo4j stopped a transaction beyond the timeout it was given (Neo.ClientError.Transaction.TransactionTimedOut…). */
export function isTransactionTimeout(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === "string" && code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut");
}

/**
 * Neo4j stopped a transaction while it waited for a lock: LockClientStopped, whatever stopped it — its
 * timeout, an operator's TERMINATE TRANSACTION, a shutdown — or Terminated for one stopped between two
 * statements. Only the one that stopped it can tell a timeout from the others.
 */
export function isTransactionStopped(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === "string" && /^Neo\.(ClientError|TransientError)\.Transaction\.(LockClientStopped|Terminated)$/.test(code);
}

/**
 * Neo4j refused a transaction more memory: beyond the limit of one (db.memory.transaction.max), of all
 * of them together (db.memory.transaction.total.max: a France-sized restore on a 2 GB heap), or of its
 * heap. The transaction is rolled back; the same write fails again until the database has more.
 */
export function isTransactionMemoryExceeded(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === "string" && /\.General\.(TransactionOutOfMemoryError|TransactionMemoryLimit|MemoryPoolOutOfMemoryError|OutOfMemoryError)$/.test(code);
}
