/**
 * The functions' memory, in MB. The GraphQL function's: Lambda gives a function CPU in proportion to its memory, and
 * its Node.js runtime sizes V8's heap from it (local/lambda-heap.ts, which bench:soak uses to run the
 * API locally as the function runs).
 */
export const graphqlFunctionMemoryMb = 1769;

/**
 * The export function's: it holds the whole graph while it writes the four files one after the other.
 * An export of the France-sized graph peaked at 1.6 GB of resident memory with the heap of a 2 048 MB
 * function and ran out of heap with 1 024 MB (npm run bench:export); 3 008 MB leaves room for growth.
 */
export const exportFunctionMemoryMb = 3008;

/**
 * The import function's: a file is read, validated and written in one transaction. A restore of the
 * France-sized graph (npm run bench:restore) peaked at 1 883 MB of resident memory with the heap of a
 * 2 048 MB function; 3 008 MB leaves room for growth.
 */
export const importFunctionMemoryMb = 3008;

/**
 * The route digests function's: it holds one area's rows at a time (a France-dense département's are
 * ~0.2 MB of JSON) and waits on Neo4j; Lambda's smallest sizes would slow its JSON work.
 */
export const routeDigestsFunctionMemoryMb = 512;
