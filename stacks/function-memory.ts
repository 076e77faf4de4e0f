/**
 * The GraphQL function's memory, in MB. Lambda gives a function CPU in proportion to its memory, and
 * its Node.js runtime sizes V8's heap from it (local/lambda-heap.ts, which bench:soak uses to run the
 * API locally as the function runs).
 */
export const graphqlFunctionMemoryMb = 1769;
