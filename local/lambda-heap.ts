/**
 * The V8 heap limits Lambda's Node.js runtime gives a function of `memoryMb`: its bootstrap starts
 * node with a young generation of a tenth of the memory (two semi-spaces) and the rest as the old
 * generation's limit; NODE_OPTIONS cannot change them, the command line coming after it. A server
 * run in the function's place (bench:soak) starts with the same, so that its memory behaves as the
 * function's. Without them V8 sizes the heap from the machine (4.2 GB on a 24 GB machine) and, with
 * that much room, lets the old generation grow to two or three times what stays alive between
 * collections: the +25 % of resident memory a soak measured after its warm-up, no leak.
 */
export function lambdaHeapFlags(memoryMb: number): string[] {
  const youngMb = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(youngMb / 2)}`, `--max-old-space-size=${memoryMb - youngMb}`];
}
