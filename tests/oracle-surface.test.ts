/**
 * The oracle matrix, generated from the augmented schema rather than listed by hand: a secret is
 * planted for every protected field (a referral-only contact, a confidential address, capacity
 * counts), then every filter path the schema lets a query reach from a root field through
 * relationships is walked (relationship filters some/all/none/single, connection filters, nested
 * `where` arguments), and every operator on every protected field at its end is tried, for every
 * role that may not read the field, with a guess equal to the secret, on the graph with the secret
 * and on the graph with the secret changed. The answers must not differ.
 * Hand-written cases in access-matrix.test.ts stay as documentation.
 */
import { graphql as execute, isInputObjectType, isListType, isNonNullType, isObjectType, type GraphQLInputObjectType, type GraphQLInputType, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { callerOf, publicCaller, type Caller, type Claims } from "../functions/auth/caller";
import { contextOf } from "../functions/api/graphql-context";
import { buildGraphQLSchema } from "../functions/api/graphql-server";
import { graphql } from "./support/http-api";
import { cypher, testDriver } from "./support/graph";
import { tokenFor } from "./support/tokens";

const owner = { actorId: "oracle-owner", serviceId: "oracle-owner-service", locationId: "loc-oracle-secret" };

/** An owner whose only contact is the secret, so that any answer that differs with the guess depends on it. */
const secretDataset = {
  sources: [{ id: "oracle-source", ref: "https://example.org/oracle", title: "Source fictive de la matrice d'oracles", verifiedAt: "2026-10-02" }],
  locations: [
    {
      id: owner.locationId,
      name: "Lieu Oracle",
      address: "3 impasse de l'Oracle",
      postalCode: "92555",
      commune: "92050",
      latitude: 48.8733333,
      longitude: 2.2133333,
      confidential: true,
      source: "oracle-source",
    },
  ],
  actors: [
    {
      id: owner.actorId,
      name: "Acteur Oracle",
      kind: "SHELTER_OPERATOR",
      departement: "92",
      covers: ["92"],
      basedAt: owner.locationId,
      contacts: [{ channel: "SMS", value: "06 98 76 54 32", label: "Ligne oracle réservée", free: true, referralOnly: true, source: "oracle-source" }],
      services: [
        {
          id: owner.serviceId,
          name: "Service Oracle",
          kind: "HOUSING_PLACES",
          audience: "VICTIMS",
          needs: ["EMERGENCY_SHELTER"],
          area: ["92"],
          at: [owner.locationId],
          contacts: [{ channel: "EMAIL", value: "oracle-reserve@example.org", label: "Adresse oracle réservée", free: false, referralOnly: true, source: "oracle-source" }],
          capacity: { placesTotal: 17, placesFree: 5, updatedAt: "2026-10-03", description: "Dix-sept places oracle.", source: "oracle-source" },
          source: "oracle-source",
        },
      ],
      source: "oracle-source",
    },
  ],
};

interface Protection {
  /** The protected fields of the type; all of them when the rule hides whole nodes. */
  fields: string[];
  /** Callers who may not read them. */
  denied: { name: string; caller: Caller }[];
  /** The planted value of each field, read from the graph. */
  planted: Record<string, unknown>;
}

const claims = (c: Partial<Claims> & Pick<Claims, "role">): Caller => callerOf({ sub: `oracle-${c.role.toLowerCase()}`, ...c } as Claims);
const anonymousAndPartner = [
  { name: "PUBLIC", caller: publicCaller },
  { name: "PARTNER_APP", caller: claims({ role: "PARTNER_APP" }) },
];

const protections: Record<string, Protection> = {};
let schema: GraphQLSchema;

async function plantSecrets(): Promise<void> {
  const response = await graphql(`mutation ($input: DatasetInput!) { saveDataset(input: $input) { nodesCreated } }`, { input: secretDataset }, await tokenFor("COORDINATOR", { departement: "92" }));
  expect(response.body.errors).toBeUndefined();
}

beforeAll(async () => {
  await plantSecrets();
  schema = await buildGraphQLSchema(testDriver());
  const [contact] = await cypher<{ c: Record<string, unknown> }>(
    "MATCH (:Actor {id: $id})-[:HAS_CONTACT]->(c:ContactPoint) RETURN c {.*, verifiedAt: toString(c.verifiedAt)} AS c",
    { id: owner.actorId },
  );
  protections.ContactPoint = { fields: Object.keys(contact!.c), denied: anonymousAndPartner, planted: contact!.c };
  const [capacity] = await cypher<{ c: Record<string, unknown> }>(
    "MATCH (:Service {id: $id})-[:HAS_CAPACITY]->(c) RETURN c {.placesTotal, .placesFree, updatedAt: toString(c.updatedAt), .description} AS c",
    { id: owner.serviceId },
  );
  protections.Capacity = { fields: Object.keys(capacity!.c), denied: anonymousAndPartner, planted: capacity!.c };
  const location = secretDataset.locations[0]!;
  protections.Location = {
    fields: ["address", "postalCode", "latitude", "longitude"],
    denied: [
      ...anonymousAndPartner,
      { name: "FRONTLINE", caller: claims({ role: "FRONTLINE" }) },
      { name: "SHELTER_OPERATOR of the owner", caller: claims({ role: "SHELTER_OPERATOR", actor: owner.actorId }) },
      { name: "COORDINATOR of 77", caller: claims({ role: "COORDINATOR", departement: "77" }) },
    ],
    planted: { address: location.address, postalCode: location.postalCode, latitude: location.latitude, longitude: location.longitude },
  };
});

/** A filter on one protected field: the input value that holds `guess` under `operator`. */
interface Leaf {
  type: string;
  field: string;
  operator: string;
}

/** A reachable filter: the root field it starts from, the path of input fields to the protected type's Where, the leaf. */
interface FilterPath {
  root: string;
  steps: string[];
  leaf: Leaf;
}

const named = (type: GraphQLInputType): GraphQLInputType => (isNonNullType(type) || isListType(type) ? named(type.ofType) : type);
const logical = new Set(["AND", "OR", "NOT"]);

/**
 * Every filter path from the root fields' `where` to a protected type's Where (through relationship,
 * connection and aggregate filters): each (root, input type reached) once, by its shortest path.
 */
function filterPaths(): FilterPath[] {
  const paths: FilterPath[] = [];
  const query = schema.getQueryType()!;
  for (const root of Object.values(query.getFields())) {
    const where = root.args.find((a) => a.name === "where");
    if (!where || !isInputObjectType(named(where.type))) continue;
    const seen = new Set<string>();
    const queue: { type: GraphQLInputObjectType; steps: string[] }[] = [{ type: named(where.type) as GraphQLInputObjectType, steps: [] }];
    while (queue.length > 0) {
      const { type, steps } = queue.shift()!;
      if (seen.has(type.name)) continue;
      seen.add(type.name);
      const protectedType = Object.keys(protections).find((t) => type.name === `${t}Where`);
      if (protectedType) {
        for (const field of protections[protectedType]!.fields) {
          const filter = type.getFields()[field];
          if (!filter) continue;
          for (const operator of Object.keys((named(filter.type) as GraphQLInputObjectType).getFields())) {
            paths.push({ root: root.name, steps, leaf: { type: protectedType, field, operator } });
          }
        }
      }
      for (const field of Object.values(type.getFields())) {
        const next = named(field.type);
        if (logical.has(field.name) || !isInputObjectType(next) || /Scalar(Aggregation)?Filters$|ListFilters$/.test(next.name)) continue;
        queue.push({ type: next, steps: [...steps, field.name] });
      }
    }
  }
  return paths;
}

/** A nested `where` argument on a selection: `root { field(where: …) }` or a root field of the protected type itself. */
interface SelectionPath {
  selection: (where: string) => string;
  leaf: Leaf;
  label: string;
}

function selectionPaths(): SelectionPath[] {
  const paths: SelectionPath[] = [];
  const query = schema.getQueryType()!;
  const leavesOf = (whereType: GraphQLInputObjectType, wrap: (w: string) => string, selection: (w: string) => string, label: string) => {
    const protectedType = Object.keys(protections).find((t) => whereType.name === `${t}Where`);
    if (!protectedType) return;
    for (const field of protections[protectedType]!.fields) {
      const filter = whereType.getFields()[field];
      if (!filter) continue;
      for (const operator of Object.keys((named(filter.type) as GraphQLInputObjectType).getFields())) {
        paths.push({ selection: (w) => selection(wrap(w)), leaf: { type: protectedType, field, operator }, label });
      }
    }
  };
  for (const root of Object.values(query.getFields())) {
    const where = root.args.find((a) => a.name === "where");
    if (!where) continue;
    const whereType = named(where.type) as GraphQLInputObjectType;
    const isConnection = root.name.endsWith("Connection");
    leavesOf(whereType, (w) => w, (w) => (isConnection ? `${root.name}(where: ${w}) { totalCount }` : `${root.name}(where: ${w}) { __typename }`), root.name);
    // One hop: the owner's relationship fields to a protected type, from the owner's own root list.
    const output = named(root.type as never);
    const nodeType = isObjectType(output) && !isConnection ? output : undefined;
    if (!nodeType) continue;
    for (const field of Object.values(nodeType.getFields())) {
      const nested = field.args.find((a) => a.name === "where");
      if (!nested) continue;
      const nestedWhere = named(nested.type) as GraphQLInputObjectType;
      const nodeWhere = nestedWhere.getFields().node ? (named(nestedWhere.getFields().node!.type) as GraphQLInputObjectType) : nestedWhere;
      const wrap = nestedWhere.getFields().node ? (w: string) => `{ node: ${w} }` : (w: string) => w;
      const selectionOf = field.name.endsWith("Connection") ? "{ totalCount }" : "{ __typename }";
      leavesOf(nodeWhere, wrap, (w) => `${root.name} { ${field.name}(where: ${w}) ${selectionOf} }`, `${root.name}.${field.name}`);
    }
  }
  return paths;
}

function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "string" && /^[A-Z_]+$/.test(value)) return value; // enum values
  return JSON.stringify(value);
}

/** A guess that holds for the secret under the operator (and may hold for public values too). */
function guessOf({ type, field, operator }: Leaf): unknown {
  const value = protections[type]!.planted[field];
  const right = value === null ? (field === "free" ? true : "x") : value;
  const text = String(right);
  const shifted = (by: number) => (typeof right === "number" ? right + by : by > 0 ? "2100-01-01" : "2000-01-01");
  switch (operator) {
    case "in":
      return [right];
    case "startsWith":
      return text.slice(0, 5);
    case "endsWith":
      return text.slice(-5);
    case "contains":
      return text.slice(1, 6);
    case "gt":
    case "gte":
      return shifted(-1);
    case "lt":
    case "lte":
      return shifted(1);
    default:
      return right;
  }
}

function whereText(steps: string[], leaf: Leaf, guess: unknown): string {
  let text = `{ ${leaf.field}: { ${leaf.operator}: ${literal(guess)} } }`;
  for (const step of [...steps].reverse()) text = `{ ${step}: ${text} }`;
  return text;
}

/** Runs aliased queries in batches through the server's own schema and rules, as `caller`. */
async function answers(caller: Caller, selections: string[]): Promise<unknown[]> {
  const results: unknown[] = [];
  // @neo4j/graphql runs the root fields of one request in parallel: as many as the pool has connections.
  const batch = 10;
  for (let i = 0; i < selections.length; i += batch) {
    const part = selections.slice(i, i + batch);
    const source = `{ ${part.map((s, j) => `a${j}: ${s}`).join("\n")} }`;
    const result = await execute({ schema, source, contextValue: contextOf(caller) });
    for (let j = 0; j < part.length; j++) results.push(result.errors ? result.errors.map((e) => e.message) : result.data?.[`a${j}`]);
  }
  return results;
}

describe("generated oracle matrix: no filter answer depends on a secret", () => {
  it("every protected field × denied role × reachable filter path answers alike whether the secret is there or not", { timeout: 180_000 }, async () => {
    const filters = filterPaths();
    const selections = selectionPaths();
    const cases = [
      ...filters.map((p) => ({
        label: `${p.root}(where: ${p.steps.join(".")}.${p.leaf.field}.${p.leaf.operator})`,
        leaf: p.leaf,
        query: (guess: unknown) => `${p.root}(where: ${whereText(p.steps, p.leaf, guess)}) ${p.root.endsWith("Connection") ? "{ totalCount }" : "{ __typename }"}`,
      })),
      ...selections.map((p) => ({
        label: `${p.label}(where: ${p.leaf.field}.${p.leaf.operator})`,
        leaf: p.leaf,
        query: (guess: unknown) => p.selection(whereText([], p.leaf, guess)),
      })),
    ];
    // The answers with the secret in place, then with it changed (contacts removed, other counts and
    // address): a right guess (the secret's own value) must get the same answer from both graphs.
    const ask = async () => {
      const all: unknown[][] = [];
      for (const type of Object.keys(protections)) {
        const ofType = cases.filter((c) => c.leaf.type === type);
        for (const { caller } of protections[type]!.denied) all.push(await answers(caller, ofType.map((c) => c.query(guessOf(c.leaf)))));
      }
      return all;
    };
    const withSecret = await ask();
    await cypher(
      `MATCH (o)-[:HAS_CONTACT]->(c:ContactPoint) WHERE o.id IN $owners DETACH DELETE c
       WITH count(*) AS removed
       MATCH (:Service {id: $service})-[:HAS_CAPACITY]->(capacity) SET capacity.placesTotal = 40, capacity.placesFree = 0, capacity.updatedAt = date('2001-01-01'), capacity.description = 'Autre'
       WITH count(*) AS changed
       MATCH (l:Location {id: $location}) SET l.address = '1 rue Autre', l.postalCode = '92000', l.latitude = 48.1, l.longitude = 2.1`,
      { owners: [owner.actorId, owner.serviceId], service: owner.serviceId, location: owner.locationId },
    );
    const withoutSecret = await ask();
    await plantSecrets();

    const dependent: string[] = [];
    let checks = 0;
    let run = 0;
    for (const type of Object.keys(protections)) {
      const ofType = cases.filter((c) => c.leaf.type === type);
      for (const { name } of protections[type]!.denied) {
        const [before, after] = [withSecret[run]!, withoutSecret[run]!];
        run++;
        ofType.forEach((c, i) => {
          checks++;
          if (JSON.stringify(before[i]) !== JSON.stringify(after[i])) dependent.push(`${name}: ${c.label}`);
        });
      }
    }
    console.log(`oracle matrix: ${filters.length} root filter paths + ${selections.length} nested where paths, ${checks} checks (path × operator × denied role), ${dependent.length} dependent`);
    expect(checks).toBeGreaterThan(0);
    expect(dependent).toEqual([]);
  });

  it("the probes see the secret for a role that may read it (positive control)", async () => {
    const frontline = claims({ role: "FRONTLINE" });
    const [right, wrong] = await answers(frontline, [
      `actors(where: { id: { eq: "${owner.actorId}" } }) { contacts(where: { channel: { eq: SMS } }) { value } }`,
      `actors(where: { id: { eq: "${owner.actorId}" } }) { contacts(where: { channel: { eq: CHAT } }) { value } }`,
    ]);
    expect(JSON.stringify(right)).toContain("06 98 76 54 32");
    expect(right).not.toEqual(wrong);
  });

  it("no contact id carries the owner, the channel or the value", async () => {
    const ids = await cypher<{ id: string; value: string; owner: string }>(
      "MATCH (o)-[:HAS_CONTACT]->(c:ContactPoint) RETURN c.id AS id, c.value AS value, o.id AS owner",
    );
    expect(ids.length).toBeGreaterThan(0);
    // Opaque: a UUID's hexadecimal digits, which may by chance contain a short number such as "17", never a name or a channel.
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const carrying = ids.filter(({ id, value, owner }) => !uuid.test(id) || (value.length >= 6 && id.includes(value)) || id.includes(owner));
    expect(carrying).toEqual([]);
  });

  it("connection counts and aggregates of an owner's contacts count only what the role may read", async () => {
    const [actors] = await answers(publicCaller, [
      `actors(where: { id: { eq: "${owner.actorId}" } }) { contactsConnection { totalCount aggregate { count { nodes } } } contacts { value } }`,
    ]);
    expect(actors).toEqual([{ contactsConnection: { totalCount: 0, aggregate: { count: { nodes: 0 } } }, contacts: [] }]);
  });
});
