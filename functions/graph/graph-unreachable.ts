import neo4j from "neo4j-driver";

/**
 * Neo4j down or out of reach, once the driver has stopped retrying: its ServiceUnavailable,
 * SessionExpired when the connection drops in the transaction, or no connection to be had in time
 * (the pool's acquisition timeout, which carries no code). Other failures, a bug or a query
 * timeout, are not this.
 */
export function isGraphUnreachable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED) return true;
  return typeof message === "string" && message.startsWith("Connection acquisition timed out");
}
