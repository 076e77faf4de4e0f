/**
 * `node --import tsx local/api-reads-workload.ts`: the API's reads other than routes, through the
 * GraphQL Lambda handler with HTTP API events, against the graph NEO4J_URI names (NEO4J_USER,
 * NEO4J_PASSWORD): the web app's own documents (web/src/queries.ts, web/src/observatory-queries.ts)
 * with the variables its pages send, and for each root list field @neo4j/graphql generates a first
 * page, a sort by name, a connection's totalCount and a text filter. Each document is sent as PUBLIC
 * and as ADMIN (the strongest role): once (first: the first time this process sends it), then RUNS
 * times (warm: the median). Prints a line per document and role, then one JSON line of the figures
 * (bench-api-reads.ts compares two graphs with it).
 *
 * Variables name the Hauts-de-Seine (92), the Pas-de-Calais (62, the département with the most
 * communes) and France; ids are read from the graph, so that the same workload runs on seed/ and on
 * the synthetic France-sized graph. The handler answers the observatory of covered départements only:
 * this process covers 62 too, as a national deployment would.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { coveredDepartements } from "../functions/domain/territories";
import { createDriver } from "../functions/graph/driver";
import * as observatoryDocuments from "../web/src/observatory-queries";
import * as webDocuments from "../web/src/queries";
import { httpApiEvent, lambdaContext } from "./http-api-event";
import { loadGraphqlHandler, localAdminToken } from "./handler-in-process";

const RUNS = Number(process.env.RUNS ?? 3);

const handler = await loadGraphqlHandler();

export type Role = "PUBLIC" | "ADMIN";

export interface ReadFigures {
  document: string;
  family: string;
  role: Role;
  firstMs: number;
  warmMs: number;
  bytes: number;
  /** The errors' codes (HTTP status when the answer is not GraphQL), sorted, without repeats. */
  errors: string[];
}

interface ReadDocument {
  family: string;
  name: string;
  text: string;
  variables: Record<string, unknown>;
}

const adminToken = await localAdminToken("api-reads-bench-admin");

const DEPARTEMENTS = ["92", "62"] as const;
const COMMUNE_OF = { "92": "92050", "62": "62041" } as const; // Nanterre, Arras
(coveredDepartements as unknown as string[]).push(...DEPARTEMENTS.filter((code) => !(coveredDepartements as readonly string[]).includes(code)));

/** Ids the web app's pages would hold for a département: an actor, a shelter operator, capacities. */
async function idsOf(departement: string) {
  const driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER!, password: process.env.NEO4J_PASSWORD! });
  try {
    const { records } = await driver.executeQuery(
      `OPTIONAL MATCH (actor:Actor {departement: $departement}) WITH actor ORDER BY actor.id LIMIT 1
       OPTIONAL MATCH (shelter:Actor {departement: $departement})-[:OFFERS]->(:Service {kind: 'HOUSING_PLACES'})
       WITH actor, shelter ORDER BY shelter.id LIMIT 1
       RETURN actor.id AS actorId, shelter.id AS shelterId,
              COLLECT { MATCH (:Actor {departement: $departement})-[:OFFERS]->(:Service)-[:HAS_CAPACITY]->(c:Capacity) RETURN c.id ORDER BY c.id LIMIT 20 } AS capacityIds`,
      { departement },
    );
    const record = records[0]!;
    return { actorId: record.get("actorId") as string | null, shelterId: record.get("shelterId") as string | null, capacityIds: record.get("capacityIds") as string[] };
  } finally {
    await driver.close();
  }
}

// The web app's page sizes: gapsPageSize (observatory/gaps-list.tsx), the freshness section's 20,
// the records-to-qualify section's 100, the places audit log's 20 (their modules need a browser).
const webPageSizes = { gaps: 30, freshness: 20, recordsToQualify: 100, placesAudit: 20 };

async function webAppDocuments(): Promise<ReadDocument[]> {
  const web = (family: string, name: string, document: { toString(): string }, variables: Record<string, unknown>): ReadDocument => ({
    family,
    name,
    text: document.toString(),
    variables,
  });
  const documents: ReadDocument[] = [
    web("web app: orientation", "WebCommunes", webDocuments.communesQuery, {}),
    web("web app: directory", "WebSearch France 'aide aux victimes'", webDocuments.searchQuery, { text: "aide aux victimes" }),
    web("web app: directory", "WebSearch France 'violences'", webDocuments.searchQuery, { text: "violences" }),
    web("web app: professionals", `WebPlacesAudit`, webDocuments.placesAuditQuery, { limit: webPageSizes.placesAudit }),
    web("web app: observatory", "WebRecordsToQualify", observatoryDocuments.recordsToQualifyQuery, { limit: webPageSizes.recordsToQualify }),
  ];
  for (const departement of DEPARTEMENTS) {
    const commune = COMMUNE_OF[departement];
    const ids = await idsOf(departement);
    documents.push(
      web("web app: orientation", `WebReferralRoute ${commune}`, webDocuments.routeQuery, {
        input: { commune, situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: "2026-12-07T21:30:00+01:00", withChildren: true },
      }),
    );
    if (ids.actorId) documents.push(web("web app: directory", `WebActor ${departement}`, webDocuments.actorQuery, { id: ids.actorId }));
    if (ids.shelterId) documents.push(web("web app: professionals", `WebShelterPlaces ${departement}`, webDocuments.shelterPlacesQuery, { actorId: ids.shelterId }));
    if (ids.capacityIds.length > 0) documents.push(web("web app: professionals", `WebServicesOfCapacities ${departement}`, webDocuments.servicesOfCapacitiesQuery, { capacityIds: ids.capacityIds }));
    const observatory = (name: string, document: { toString(): string }, variables: Record<string, unknown> = {}) =>
      web("web app: observatory", `${name} ${departement}`, document, { departement, ...variables });
    documents.push(
      observatory("WebCoverage", observatoryDocuments.coverageQuery, { situation: null }),
      observatory("WebCoverageCommune", observatoryDocuments.coverageCommuneQuery, { situation: null, communesOffset: 0 }),
      observatory("WebCoverageGaps", observatoryDocuments.coverageGapsQuery, { situation: null, gapsOffset: 0, gapsLimit: webPageSizes.gaps }),
      observatory("WebCoverageExport", observatoryDocuments.coverageExportQuery, { situation: null }),
      observatory("WebStandards", observatoryDocuments.standardsQuery),
      observatory("WebFreshness", observatoryDocuments.freshnessQuery, { limit: webPageSizes.freshness, offset: 0 }),
      observatory("WebDemand", observatoryDocuments.demandQuery),
      observatory("WebNetwork", observatoryDocuments.networkQuery),
    );
  }
  return documents;
}

interface RootListField {
  plural: string;
  connection: string;
  selection: string;
  /** The field a sort by name and a text filter use; null when the type has none. */
  named: string | null;
}

// What a partner app would ask of each type: its identifying and naming fields, and the fields
// protected for some roles (a location's address, a contact's value) so that both roles' answers are measured.
const rootListFields: RootListField[] = [
  { plural: "actors", connection: "actorsConnection", selection: "id name kind departement verifiedAt", named: "name" },
  { plural: "services", connection: "servicesConnection", selection: "id name kind audience verifiedAt capacity { placesAvailable }", named: "name" },
  { plural: "locations", connection: "locationsConnection", selection: "id name address postalCode confidential", named: "name" },
  { plural: "territories", connection: "territoriesConnection", selection: "code name level", named: "name" },
  { plural: "contactPoints", connection: "contactPointsConnection", selection: "id channel value label referralOnly", named: null },
  { plural: "schedules", connection: "schedulesConnection", selection: "id openingHours description", named: null },
  { plural: "capacities", connection: "capacitiesConnection", selection: "id placesAvailable", named: null },
  { plural: "situations", connection: "situationsConnection", selection: "code label", named: "label" },
  { plural: "needs", connection: "needsConnection", selection: "code label", named: "label" },
  { plural: "sources", connection: "sourcesConnection", selection: "id ref title", named: "title" },
  { plural: "conventions", connection: "conventionsConnection", selection: "id name signedOn", named: "name" },
  { plural: "auditRecords", connection: "auditRecordsConnection", selection: "id at subject role operation", named: "subject" },
];

function generatedRootDocuments(): ReadDocument[] {
  const documents: ReadDocument[] = [];
  const generated = (name: string, text: string): ReadDocument => ({ family: "generated root fields", name, text, variables: {} });
  for (const { plural, connection, selection, named } of rootListFields) {
    documents.push(generated(`${plural} first page`, `query { ${plural} { ${selection} } }`));
    if (named) {
      documents.push(generated(`${plural} sorted by ${named}`, `query { ${plural}(sort: [{ ${named}: ASC }]) { ${selection} } }`));
      documents.push(generated(`${plural} ${named} contains`, `query { ${plural}(where: { ${named}: { contains: "victimes" } }) { ${selection} } }`));
    }
    documents.push(generated(`${connection} totalCount`, `query { ${connection} { totalCount } }`));
  }
  documents.push(
    // 20 a page: graphql-armor's cost counts a connection's `first`, and refuses 50 of these edges.
    generated(
      "actorsConnection first page sorted, totalCount",
      `query { actorsConnection(first: 20, sort: [{ name: ASC }]) { totalCount edges { node { id name kind departement } } pageInfo { endCursor hasNextPage } } }`,
    ),
    generated("servicesConnection HOUSING_PLACES totalCount", `query { servicesConnection(where: { kind: { eq: HOUSING_PLACES } }) { totalCount } }`),
  );
  for (const departement of DEPARTEMENTS) {
    const commune = COMMUNE_OF[departement];
    documents.push(
      generated(`actors of ${departement} sorted by name`, `query { actors(where: { departement: { eq: "${departement}" } }, sort: [{ name: ASC }]) { id name kind } }`),
      generated(`actorsConnection of ${departement} totalCount`, `query { actorsConnection(where: { departement: { eq: "${departement}" } }) { totalCount } }`),
      generated(
        `communes of ${departement} sorted by name`,
        `query { territories(where: { level: { eq: COMMUNE }, partOf: { some: { code: { eq: "${departement}" } } } }, sort: [{ name: ASC }], limit: 1000) { code name } }`,
      ),
      generated(`servicesInReach of ${commune}`, `query { territories(where: { code: { eq: "${commune}" } }) { code name servicesInReach { id name kind } } }`),
      generated(`servicesInReach of ${commune}, 3rd page`, `query { territories(where: { code: { eq: "${commune}" } }) { servicesInReach(offset: 100) { id name } } }`),
      generated(`servedBy of ${departement} totalCount`, `query { territories(where: { code: { eq: "${departement}" } }) { servedByConnection { totalCount } } }`),
      generated(
        `HOUSING_PLACES services of ${departement}`,
        `query { services(where: { kind: { eq: HOUSING_PLACES }, area: { some: { code: { eq: "${departement}" } } } }, sort: [{ name: ASC }]) { id name capacity { placesAvailable } locations { name address } } }`,
      ),
    );
  }
  return documents;
}

async function ask(document: ReadDocument, role: Role): Promise<{ ms: number; bytes: number; errors: string[] }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (role === "ADMIN") headers.authorization = `Bearer ${adminToken}`;
  const event = httpApiEvent({ method: "POST", headers, body: JSON.stringify({ query: document.text, variables: document.variables }) });
  const started = performance.now();
  const result = (await handler(event, lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
  const ms = performance.now() - started;
  const body = result.body ?? "";
  let codes: string[];
  try {
    const answer = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    codes = (answer.errors ?? []).map((e) => e.extensions?.code ?? "NO_CODE");
  } catch {
    codes = [`HTTP ${result.statusCode}`];
  }
  return { ms, bytes: Buffer.byteLength(body), errors: [...new Set(codes)].sort() };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

await ask({ family: "", name: "warm-up", text: "query { __typename }", variables: {} }, "PUBLIC");
const documents = [...(await webAppDocuments()), ...generatedRootDocuments()];
const figures: ReadFigures[] = [];
for (const document of documents) {
  for (const role of ["PUBLIC", "ADMIN"] as const) {
    const first = await ask(document, role);
    const warm: number[] = [];
    let last = first;
    for (let i = 0; i < RUNS; i++) {
      last = await ask(document, role);
      warm.push(last.ms);
    }
    const f: ReadFigures = { document: document.name, family: document.family, role, firstMs: first.ms, warmMs: median(warm), bytes: last.bytes, errors: last.errors };
    figures.push(f);
    console.log(
      `${f.document.padEnd(48)} ${role.padEnd(6)} first ${f.firstMs.toFixed(0).padStart(6)} ms  warm ${f.warmMs.toFixed(0).padStart(6)} ms  ${String(f.bytes).padStart(9)} B` +
        (f.errors.length > 0 ? `  errors ${f.errors.join(",")}` : ""),
    );
  }
}
console.log(`load average: ${readFileSync("/proc/loadavg", "utf8").trim()}`);
console.log(JSON.stringify(figures));
process.exit(0);
