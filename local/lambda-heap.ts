/**
 * The V8 heap limits Lambda's Node.js runtime gives a function of `memoryMb`: its bootstrap starts
 * node with a new space of a tenth of the memory and the rest as the old generation's limit. A server
 * run in the function's place (bench:soak, npm start) starts with the same, so that its memory behaves
 * as the function's. Without them V8 sizes the heap from the machine (4.2 GB on a 24 GB machine) and,
 * with that much room, lets the old generation grow to two or three times what stays alive between
 * collections: the +25 % of resident memory a soak measured after its warm-up, no leak.
 *
 * Checked against the nodejs18.x bootstrap (new_space = memory / 10, semi_space = new_space / 2,
 * old_space = memory - new_space). The functions run nodejs24.x (stacks/settings.ts): its image layers
 * are not in github.com/aws/aws-lambda-base-images (no nodejs22.x/24.x branch; the nodejs20.x layers
 * are Git LFS pointers), and searches for its bootstrap ("aws-lambda-base-images nodejs bootstrap
 * max-old-space-size semi-space", "nodejs24 bootstrap semi_space old_space NODE_OPTIONS") found one
 * quotation of it, cut short (dev.to, WonderfulSoap, "Deep Dive into AWS Lambda (3): Official Node.js
 * Runtime Analysis", 2026-02): new_space = memory / 10 as here; a comment that the new space should
 * be 5 % of the memory, leaving 5 % for buffers allocated outside V8's heap, and that the young
 * generation is three times the semi-space — which would make the semi-space memory / 60 (29 MB for
 * 1769 MB) rather than memory / 20 (88 MB) — but its semi-space and old-space lines are not in the
 * stored copy. Until they are read (in the runtime itself: /var/runtime/bootstrap), the formula stays
 * the one checked. That bootstrap sets neither flag when NODE_OPTIONS names one of them: pinning both
 * there would make the function's heap this function's by construction. V8 rounds the semi-space up
 * to a power of two: Node 24 given these flags for 1769 MB reports a heap limit of 1977 MB (1593 + 3 ×
 * 128), and 1689 MB with semi-spaces of 29 MB (1593 + 3 × 32).
 */
export function lambdaHeapFlags(memoryMb: number): string[] {
  const youngMb = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(youngMb / 2)}`, `--max-old-space-size=${memoryMb - youngMb}`];
}
