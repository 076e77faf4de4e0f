/**
 * The import function's time limit. A France-sized restore wrote in 133.5 s (npm run bench:restore).
 * Its write is given until then, less the time to report a failure (functions/imports/import-object.ts),
 * so that the graph stops a write too slow before Lambda stops the function, and the report says so.
 */
export const importFunctionTimeoutSeconds = 300;
