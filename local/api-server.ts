/**
 * Only the API (local/server.ts) on PORT, against the Neo4j of NEO4J_URI: no database start, seed
 * or web app. For benchmarks that watch the server as a process of its own (`npm run bench:soak`).
 */
import { serveLocally } from "./server";

const url = await serveLocally(Number(process.env.PORT ?? 4000));
console.log(`API ready at ${url}`);
