/** Returned by withinLimit when the limit passed first. */
export const tooLate = Symbol("too late");

/**
 * The work's result, or tooLate once `ms` have passed if `giveUp` then says so (else the work is
 * awaited to its end), whatever the database does: a Neo4j that restarts after a crash accepts
 * connections seconds before it serves them, and stops a transaction at its timeout only seconds
 * after that. Work given up goes on unawaited; its failure is handled (the race listens to it), and
 * it must not hold the caller's answer (close its session in its own chain).
 */
export async function withinLimit<T>(work: Promise<T>, ms: number, giveUp: () => boolean = () => true): Promise<T | typeof tooLate> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof tooLate>((resolve) => {
    timer = setTimeout(() => giveUp() && resolve(tooLate), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
