/**
 * Why an import wrote nothing although it got past its file: the graph failed it (out of reach, busy,
 * too slow, out of memory) or something unexpected stopped it. Its report says so in one problem, in
 * plain words, with the Neo4j error's code but never its message, which may quote the file's values.
 */
import { Neo4jError } from "neo4j-driver";
import { isGraphBusy, isGraphUnreachable, isTransactionMemoryExceeded, isTransactionStopped, isTransactionTimeout } from "../graph/graph-unreachable";
import type { DatasetProblem } from "../domain/validate-dataset";

export type ImportFailureKind = "unreachable" | "busy" | "timeout" | "too-large" | "other";

const triedAgain = "the import is tried again by itself within minutes; if this report still says failed, drop the file again later";

const reasons: Record<ImportFailureKind, string> = {
  unreachable: `nothing was written: the graph database could not be reached (stopped, restarting or cut off); ${triedAgain}`,
  busy: `nothing was written: the graph database was too busy to take the import; ${triedAgain}`,
  timeout: `nothing was written: the write took longer than one transaction may (the graph busy with other writes, or the file too large for the time the graph database or the import allows); ${triedAgain}, or split it`,
  "too-large": "nothing was written: the file needs more memory than the graph database allows one transaction; split it, or have the database's transaction memory raised",
  other: "nothing was written: the graph database refused or stopped the write",
};

/** A failure that did not come from the graph database: a fault of the import itself. */
const unexpected = "nothing was written: the import stopped on an unexpected error";

/**
 * `pastTimeLimit`: the write had run beyond the time it gave its transaction when it failed. Neo4j stops
 * a transaction that outlives it waiting for a lock as it stops one an operator terminates, with the
 * same code (LockClientStopped).
 */
export function importFailureKind(error: unknown, { pastTimeLimit = false } = {}): ImportFailureKind {
  if (isGraphUnreachable(error)) return "unreachable";
  if (isGraphBusy(error)) return "busy";
  if (isTransactionTimeout(error) || (pastTimeLimit && isTransactionStopped(error))) return "timeout";
  if (isTransactionMemoryExceeded(error)) return "too-large";
  return "other";
}

/** The error's Neo4j code; null for an error of another kind, or one the driver gives without a code (a full connection pool). */
export function neo4jCodeOf(error: unknown): string | null {
  return error instanceof Neo4jError && error.code !== "N/A" ? error.code : null;
}

/**
 * A failed import, as the invoker sees it: the file, the kind of failure and Neo4j's code, without the
 * database's message (which may quote the file's values, and the Lambda runtime logs what a function
 * throws) and without the stack. The invocation fails on it, so that Lambda tries the file again.
 */
export class ImportFailed extends Error {
  override name = "ImportFailed";
  constructor(
    file: string,
    readonly kind: ImportFailureKind,
    readonly code: string | null,
  ) {
    super(`import of ${file} failed, nothing written: ${kind}${code ? ` (${code})` : ""}`);
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The one problem of a failed report: of the whole file, as ImportProblem has it, with the code. */
export function failureProblem(kind: ImportFailureKind, neo4jCode: string | null): Omit<DatasetProblem, "file"> & { neo4jCode: string | null } {
  const reason = kind === "other" && neo4jCode === null ? unexpected : reasons[kind];
  return { line: null, record: null, field: "", reason, neo4jCode };
}
