/**
 * `node --import tsx local/coverage-handler-workload.ts [départements…]`: the web app's coverage
 * documents (those of generated/web-client/persisted-documents.json, or of the file PERSISTED_DOCUMENTS
 * names: another version's, to compare) through the GraphQL Lambda handler, as an ADMIN, against the graph NEO4J_URI names (NEO4J_USER,
 * NEO4J_PASSWORD): for each département, the first request of the process (cold) then the median of
 * RUNS (warm), and the bytes of each answer. Without arguments, the DEPARTEMENTS départements with
 * the most communes in the graph. Prints one line per document and département, and the load average.
 * DOCUMENTS (names, comma-separated) measures only those, in that order: after a restart of Neo4j,
 * the first one is its first request.
 *
 * A chosen cell's document reads its commune's services alone; the same document asking `gapsTotal`
 * too reads the whole département's, as every coverage request did before: both are measured, and
 * their ratio printed.
 *
 * The handler answers the départements Parcours covers only; on the synthetic France-sized graph,
 * this process covers every département it measures, as a national deployment would.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import neo4j from "neo4j-driver";
import { createDriver } from "../functions/graph/driver";
import { coveredDepartements } from "../functions/domain/territories";
import { httpApiEvent, lambdaContext } from "./http-api-event";
import { loadGraphqlHandler, localAdminToken } from "./handler-in-process";

const RUNS = Number(process.env.RUNS ?? 5);
const DEPARTEMENTS = Number(process.env.DEPARTEMENTS ?? 5);

const handler = await loadGraphqlHandler();

const persistedFile = process.env.PERSISTED_DOCUMENTS ?? join(import.meta.dirname, "..", "generated", "web-client", "persisted-documents.json");
const persisted = JSON.parse(readFileSync(persistedFile, "utf8")) as Record<string, string>;
const documentNamed = (name: string) => Object.values(persisted).find((text) => text.startsWith(`query ${name}(`));
const WHOLE_READ = "WebCoverageCommune (whole read)";
const chosenCell = documentNamed("WebCoverageCommune");
const askingGapsTotal = chosenCell?.replace("{ cells {", "{ gapsTotal cells {");
if (chosenCell && askingGapsTotal === chosenCell) throw new Error("WebCoverageCommune no longer opens with `{ cells {`: ask gapsTotal some other way");
// The table and map's document, the gaps' first page, a chosen cell's commune (the first), the CSV export's.
const allDocuments = [
  { name: "WebCoverage", variables: {}, text: documentNamed("WebCoverage") },
  { name: "WebCoverageGaps", variables: {}, text: documentNamed("WebCoverageGaps") },
  { name: "WebCoverageCommune", variables: { communesOffset: 0 }, text: chosenCell },
  { name: WHOLE_READ, variables: { communesOffset: 0 }, text: askingGapsTotal },
  { name: "WebCoverageExport", variables: {}, text: documentNamed("WebCoverageExport") },
].flatMap((d) => (d.text ? [{ ...d, text: d.text }] : []));
const documents = (process.env.DOCUMENTS?.split(",") ?? allDocuments.map((d) => d.name)).map((name) => {
  const document = allDocuments.find((d) => d.name === name.trim());
  if (!document) throw new Error(`DOCUMENTS: no document named "${name}" (${allDocuments.map((d) => d.name).join(", ")})`);
  return document;
});

const token = await localAdminToken("coverage-bench-admin");

async function largestDepartements(count: number): Promise<{ code: string; communes: number }[]> {
  const driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER!, password: process.env.NEO4J_PASSWORD! });
  try {
    const { records } = await driver.executeQuery(
      `MATCH (d:Territory {level: 'DEPARTEMENT'})<-[:PART_OF]-(c:Territory {level: 'COMMUNE'})
       RETURN d.code AS code, count(c) AS communes ORDER BY communes DESC, code LIMIT $count`,
      { count: neo4j.int(count) },
    );
    return records.map((r) => ({ code: r.get("code") as string, communes: Number(r.get("communes")) }));
  } finally {
    await driver.close();
  }
}

async function ask(text: string, variables: Record<string, unknown>): Promise<{ ms: number; bytes: number; error: string | null }> {
  const event = httpApiEvent({ method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: text, variables }) });
  const started = performance.now();
  const result = (await handler(event, lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
  const ms = performance.now() - started;
  const body = result.body ?? "";
  const error = result.statusCode !== 200 || body.includes('"errors"') ? body.slice(0, 200) : null;
  return { ms, bytes: Buffer.byteLength(body), error };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const asked = process.argv.slice(2);
const departements = asked.length > 0 ? asked.map((code) => ({ code, communes: NaN })) : await largestDepartements(DEPARTEMENTS);
(coveredDepartements as unknown as string[]).push(...departements.map((d) => d.code).filter((code) => !(coveredDepartements as readonly string[]).includes(code)));

for (const { code, communes } of departements) {
  const warmMedians = new Map<string, number>();
  for (const document of documents) {
    const variables = { departement: code, ...document.variables };
    const cold = await ask(document.text, variables);
    const warm: number[] = [];
    let last = cold;
    for (let i = 0; i < RUNS; i++) {
      last = await ask(document.text, variables);
      warm.push(last.ms);
    }
    warmMedians.set(document.name, median(warm));
    console.log(
      `${code} (${Number.isNaN(communes) ? "?" : communes} communes) ${document.name.padEnd(30)} ${(last.bytes / 1e6).toFixed(2).padStart(6)} MB  cold ${cold.ms.toFixed(0).padStart(5)} ms  warm median ${median(warm).toFixed(0).padStart(5)} ms` +
        (last.error ? `  ERROR ${last.error}` : ""),
    );
  }
  const [whole, alone] = [warmMedians.get(WHOLE_READ), warmMedians.get("WebCoverageCommune")];
  if (whole !== undefined && alone !== undefined) console.log(`${code} a chosen cell, warm medians: whole-département read / its commune's read ${(whole / alone).toFixed(1)}`);
}
console.log(`load average: ${readFileSync("/proc/loadavg", "utf8").trim()}`);
process.exit(0);
