/**
 * The fetch of a route's nodes (graph-nodes.ts) hands @neo4j/graphql the same few documents again and
 * again, with other ids: translating each one to Cypher cost a sixth of the handler's CPU. Its
 * translation is kept, per document and per caller (role and verified claims), and run again with
 * the new ids. @neo4j/graphql stays the author of every statement and of its authorization filters:
 * a kept statement is one it wrote for the very same document and claims, and it is kept only once
 * a second translation, for other ids, gave the same text and the same parameters but the ids' own.
 * A statement that may fail an authorization check (apoc.util.validate, whose failure the library
 * turns into its own errors) is never kept: a kept read fails as the library's would. What a kept
 * statement reads is itself kept while the graph is unchanged (../graph/version-keyed-cache.ts): the
 * same statement with the same parameters, the caller's claims among them, reads the same nodes.
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import neo4j from "neo4j-driver";
import type { RunRead } from "../graph/auto-commit-read";
import { versionKeyedCache } from "../graph/version-keyed-cache";

/** The variables the fetch adds to its document: lists of ids and their lengths. */
export type NodeReadVariables = Record<string, string[] | number>;

interface Translation {
  cypher: string;
  /** Parameters that are the same for every read of the document by this caller. */
  constants: Record<string, unknown>;
  /** Parameter → the fetch's variable whose value it is. */
  variableOfParameter: Record<string, string>;
  /** The variables it was translated with. */
  variables: NodeReadVariables;
}

type KeptTranslation = { translation: Translation; confirmed: boolean } | "not kept";

const keptTranslations = new Map<string, KeptTranslation>();
const maxKeptTranslations = 100;
/** The nodes a kept statement read, by statement and parameters; bounded by nodes (a route reads ~20). */
const keptNodes = versionKeyedCache<unknown[]>("route nodes", 20_000, (nodes) => nodes.length);

/**
 * Where the inner execution's context hands the `services` root field a kept statement to run.
 * `executionContext`: @neo4j/graphql runs its Cypher on a transaction-like execution context, here
 * the route's auto-commit reads.
 */
const keptRead = Symbol("keptRouteNodeRead");

type ReadContext = { executionContext: { run: RunRead }; [keptRead]?: () => Promise<unknown[]> };

/**
 * Runs `execute` (the inner GraphQL execution of the document `key` names) either with a kept
 * statement for its `services` root field (`kept`: the ids are then the statement's, not the
 * document's) or, until one is kept, through @neo4j/graphql, watching the statement it runs.
 */
export async function readRouteNodes<Result extends { errors?: readonly unknown[] }>(
  key: string | null,
  variables: NodeReadVariables,
  run: RunRead,
  version: string | null,
  execute: (context: ReadContext, kept: boolean) => Promise<Result>,
): Promise<Result> {
  const kept = key === null ? "not kept" : keptTranslations.get(key);
  if (kept !== undefined && kept !== "not kept" && kept.confirmed) {
    const { cypher } = kept.translation;
    const parameters = parametersOf(kept.translation, variables);
    const read = async () => (await run(cypher, parameters)).records.map((record) => record.get("this"));
    return execute({ executionContext: { run }, [keptRead]: () => keptNodes(version, `${cypher}\n${JSON.stringify(parameters)}`, read) }, true);
  }
  const statements: { cypher: string; parameters: Record<string, unknown> }[] = [];
  const watchedRun: RunRead = (cypher, parameters) => {
    statements.push({ cypher, parameters: parameters ?? {} });
    return run(cypher, parameters);
  };
  const result = await execute({ executionContext: { run: watchedRun } }, false);
  if (key !== null && kept !== "not kept" && !result.errors?.length && statements.length === 1) {
    learn(key, kept, translationOf(statements[0]!.cypher, statements[0]!.parameters, variables));
  }
  return result;
}

/**
 * The statements kept, each with the parameters of the fetch it was translated for: what a route's
 * fetch sends, to be planned again when Neo4j has lost its plans (route-query-warm-up.ts).
 */
export function keptRouteNodeStatements(): { cypher: string; parameters: Record<string, unknown> }[] {
  const statements = new Map<string, Record<string, unknown>>();
  for (const kept of keptTranslations.values()) {
    if (kept === "not kept" || !kept.confirmed || statements.has(kept.translation.cypher)) continue;
    statements.set(kept.translation.cypher, parametersOf(kept.translation, kept.translation.variables));
  }
  return [...statements].map(([cypher, parameters]) => ({ cypher, parameters }));
}

/** The `services` root field runs the kept statement it is handed, if any; else @neo4j/graphql's resolver. */
export function withKeptRouteNodeReads(schema: GraphQLSchema): GraphQLSchema {
  const services = schema.getQueryType()?.getFields().services;
  if (!services?.resolve || !isObjectType(schema.getQueryType())) throw new Error("route-node-reads: the schema has no services root field to read a route's nodes");
  const resolve = services.resolve;
  services.resolve = ((source, args, context: Partial<ReadContext>, info) => {
    const read = context[keptRead];
    return read ? read() : resolve(source, args, context, info);
  }) as GraphQLFieldResolver<unknown, Partial<ReadContext>>;
  return schema;
}

/** `translation` null: its parameters did not tell which holds which variable this time. */
function learn(key: string, kept: KeptTranslation | undefined, translation: Translation | "not kept" | null) {
  if (kept === "not kept" || translation === null) return;
  let next: KeptTranslation;
  if (translation === "not kept") next = "not kept";
  else if (kept === undefined) next = { translation, confirmed: false };
  // Only a translation for other values of every variable shows which parameter holds which.
  else if (Object.keys(translation.variables).some((name) => sameValue(translation.variables[name], kept.translation.variables[name]))) return;
  else next = sameTranslation(kept.translation, translation) ? { translation: kept.translation, confirmed: true } : "not kept";
  if (!keptTranslations.has(key) && keptTranslations.size >= maxKeptTranslations) keptTranslations.delete(keptTranslations.keys().next().value!);
  keptTranslations.set(key, next);
}

/**
 * The statement as a template: each of the fetch's variables must be the value of exactly one
 * parameter, which no other parameter equals (null otherwise: another read may tell).
 */
function translationOf(cypher: string, parameters: Record<string, unknown>, variables: NodeReadVariables): Translation | "not kept" | null {
  if (cypher.includes("apoc.util.validate")) return "not kept";
  const variableOfParameter: Record<string, string> = {};
  for (const [variable, value] of Object.entries(variables)) {
    const holding = Object.keys(parameters).filter((parameter) => sameValue(plain(parameters[parameter]), value));
    if (holding.length !== 1 || variableOfParameter[holding[0]!] !== undefined) return null;
    variableOfParameter[holding[0]!] = variable;
  }
  const constants = Object.fromEntries(Object.entries(parameters).filter(([parameter]) => variableOfParameter[parameter] === undefined));
  return { cypher, constants, variableOfParameter, variables };
}

function sameTranslation(a: Translation, b: Translation): boolean {
  return a.cypher === b.cypher && sameValue(a.variableOfParameter, b.variableOfParameter) && sameValue(plainParameters(a.constants), plainParameters(b.constants));
}

function parametersOf(translation: Translation, variables: NodeReadVariables): Record<string, unknown> {
  const parameters = { ...translation.constants };
  for (const [parameter, variable] of Object.entries(translation.variableOfParameter)) {
    const value = variables[variable]!;
    // @neo4j/graphql hands the driver its integers (a limit) as Neo4j integers.
    parameters[parameter] = typeof value === "number" ? neo4j.int(value) : value;
  }
  return parameters;
}

function plain(value: unknown): unknown {
  return neo4j.isInt(value) ? value.toNumber() : value;
}

function plainParameters(parameters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, plain(value)]));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
