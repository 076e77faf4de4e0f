/**
 * Only the API (local/server.ts) on PORT, against the Neo4j of NEO4J_URI: no database start, seed
 * or web app. For benchmarks that watch the server as a process of its own (`npm run bench:soak`).
 */
import { readFileSync } from "node:fs";
import { getHeapSpaceStatistics } from "node:v8";
import { serveLocally } from "./server";

const url = await serveLocally(Number(process.env.PORT ?? 4000));
console.log(`API ready at ${url}`);

// bench:soak reads these lines to tell the JavaScript heap's growth from native memory's.
const memoryEveryMs = Number(process.env.REPORT_MEMORY_EVERY_MS ?? 0);
if (memoryEveryMs > 0) {
  setInterval(() => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const status = readFileSync("/proc/self/status", "utf8");
    const kilobytes = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size]));
    console.log(`memory ${JSON.stringify({ rss, heapTotal, heapUsed, external, arrayBuffers, rssAnon: kilobytes("RssAnon"), rssFile: kilobytes("RssFile"), spaces })}`);
  }, memoryEveryMs).unref();
}
