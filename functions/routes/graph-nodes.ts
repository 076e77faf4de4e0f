/**
 * The services and actors of a route are ordinary graph types: a partner app may select any of
 * their fields and relations. The route query returns ids only; their selections are fetched in one
 * more GraphQL execution against the same schema and context, so @neo4j/graphql translates them to
 * Cypher and applies the same authorization rules as anywhere else in the API. A route's actors are
 * the providers of its services, so both come from one `services` root field: one more query.
 * A selection of nothing but the ids (a route's exclusions, often) needs no fetch: the route has them.
 */
import {
  execute,
  GraphQLError,
  Kind,
  parse,
  print,
  type DocumentNode,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  visit,
} from "graphql";
import type { ExclusionResolvers, ResolversTypes, RouteStepResolvers } from "../../generated/graphql";
import type { GraphQLContext } from "../api/graphql-context";
import type { RunRead } from "../graph/auto-commit-read";
import { readRouteNodes } from "./route-node-reads";

type NodeField = "service" | "actor";
const idKey = "__parcoursId";
const providersKey = "__parcoursProviders";
const serviceIdsVariable = "_parcoursServiceIds";
const actorIdsVariable = "_parcoursActorIds";

interface Occurrence {
  key: string;
  list: string;
  field: NodeField;
  selectionSet: SelectionSetNode;
  /** Selects only `id` and `__typename`, which the route knows without a fetch. */
  idOnly: boolean;
}

const typeNames: Record<NodeField, string> = { service: "Service", actor: "Actor" };

export type NodesByKey = Map<string, Map<string, unknown>>;

/** Where a node field's value is kept: the response keys of the list and of the field, as selected. */
export function occurrenceKey(listKey: string, fieldKey: string): string {
  return `${listKey}/${fieldKey}`;
}

/** Finds every `<list> { service {…} actor {…} }` selection under the route field. */
function occurrences(info: GraphQLResolveInfo, lists: string[]): Occurrence[] {
  const found: Occurrence[] = [];
  for (const list of fieldsOf(info.fieldNodes.map((n) => n.selectionSet), info)) {
    if (!lists.includes(list.name.value)) continue;
    for (const field of fieldsOf([list.selectionSet], info)) {
      const name = field.name.value;
      if ((name === "service" || name === "actor") && field.selectionSet) {
        found.push({
          key: occurrenceKey(responseKey(list), responseKey(field)),
          list: list.name.value,
          field: name,
          selectionSet: field.selectionSet,
          idOnly: selectsIdOnly(field.selectionSet),
        });
      }
    }
  }
  return found;
}

function selectsIdOnly(selectionSet: SelectionSetNode): boolean {
  return selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && !selection.directives?.length && (selection.name.value === "id" || selection.name.value === "__typename"),
  );
}

/** The node of an id-only selection: its response keys, as the inner execution would have given them. */
function idOnlyRow(occurrence: Occurrence, id: string): Record<string, string> {
  const row: Record<string, string> = {};
  for (const selection of occurrence.selectionSet.selections as FieldNode[]) {
    row[responseKey(selection)] = selection.name.value === "id" ? id : typeNames[occurrence.field];
  }
  return row;
}

interface InnerDocument {
  document: DocumentNode;
  /** Whether its selections read only the fetch's own variables: its Cypher then depends on nothing else. */
  readsOnlyIds: boolean;
}

/** Requests repeat the same few operations: each inner document is parsed once (bounded). */
const parsedDocuments = new Map<string, InnerDocument>();
const maxParsedDocuments = 100;

function parsedDocument(source: string, ownVariables: string[]): InnerDocument {
  let parsed = parsedDocuments.get(source);
  if (!parsed) {
    const document = parse(source);
    let readsOnlyIds = true;
    visit(document, {
      VariableDefinition: () => false,
      Variable: (variable) => {
        if (!ownVariables.includes(variable.name.value)) readsOnlyIds = false;
      },
    });
    parsed = { document, readsOnlyIds };
    if (parsedDocuments.size >= maxParsedDocuments) parsedDocuments.delete(parsedDocuments.keys().next().value!);
    parsedDocuments.set(source, parsed);
  }
  return parsed;
}

/**
 * `run`: the route's auto-commit reads; `idsOf(field, lists)`: the ids of that field in those lists
 * of the route, sorted, once each.
 */
export async function fetchRouteNodes(
  info: GraphQLResolveInfo,
  context: GraphQLContext,
  run: RunRead,
  lists: string[],
  idsOf: (field: NodeField, lists: string[]) => string[],
): Promise<NodesByKey> {
  const all = occurrences(info, lists);
  // Selections of one response key merge: the key is id-only when all of them are.
  const found = all.map((o) => ({ ...o, idOnly: all.every((other) => other.key !== o.key || other.idOnly) }));
  const nodes: NodesByKey = new Map();
  for (const o of found.filter((o) => o.idOnly)) {
    const rows = nodes.get(o.key) ?? new Map<string, unknown>();
    for (const id of idsOf(o.field, [o.list])) rows.set(id, { ...(rows.get(id) as object | undefined), ...idOnlyRow(o, id) });
    nodes.set(o.key, rows);
  }
  const wanted = found.filter((o) => !o.idOnly);
  if (wanted.length === 0) return nodes;

  const selectionsOf = (field: NodeField) =>
    wanted.filter((o) => o.field === field).map((o) => print(o.selectionSet).slice(1, -1)).join(" ");
  // The ids are variables of the document, beside the request's own (its selections may use them).
  // Lists have a default page size (schema @limit): ask for exactly as many nodes as the route names.
  // An actor is fetched as the provider of its step's or exclusion's service.
  const wantsActors = wanted.some((o) => o.field === "actor");
  const listsWanting = (field: NodeField | null) => [...new Set(wanted.filter((o) => field === null || o.field === field).map((o) => o.list))];
  const ids: Record<string, unknown> = { [serviceIdsVariable]: idsOf("service", listsWanting(null)) };
  if (wantsActors) ids[actorIdsVariable] = idsOf("actor", listsWanting("actor"));
  const limits = Object.fromEntries(Object.entries(ids).map(([name, list]) => [`${name}Limit`, Math.max((list as string[]).length, 1)]));
  const byIds = (variable: string) => `where: { id: { in: $${variable} } }, limit: $${variable}Limit`;
  const providers = wantsActors ? `${providersKey}: providers(${byIds(actorIdsVariable)}) { ${idKey}: id ${selectionsOf("actor")} }` : "";
  const root = `services(${byIds(serviceIdsVariable)}) { ${idKey}: id ${selectionsOf("service")} ${providers} }`;
  const variables = [
    ...(info.operation.variableDefinitions?.map(print) ?? []),
    ...Object.keys(ids).flatMap((name) => [`$${name}: [ID!]!`, `$${name}Limit: Int!`]),
  ].join(", ");
  const fragments = Object.values(info.fragments).map(print).join("\n");
  const source = `query RouteNodes(${variables}) { ${root} }\n${fragments}`;
  const ownVariables = { ...ids, ...limits } as Record<string, string[] | number>;
  const { document, readsOnlyIds } = parsedDocument(source, Object.keys(ownVariables));

  const variableValues = { ...info.variableValues, ...ownVariables };
  // The same document read by the same caller is the same Cypher with other ids (route-node-reads.ts).
  const readKey = readsOnlyIds ? `${context.caller.role}\n${JSON.stringify(context.jwt ?? null)}\n${source}` : null;
  const result = await readRouteNodes(readKey, ownVariables, run, (readContext) =>
    Promise.resolve(execute({ schema: info.schema, document, contextValue: { ...context, ...readContext }, variableValues })),
  );
  const error = result.errors?.[0];
  // The inner execution's own path (["services"]) means nothing to the caller: its cause is thrown
  // again, so that the error stands at the route field the request asked for.
  if (error) throw error.originalError ?? new GraphQLError(error.message);
  const services = (result.data?.services ?? []) as Record<string, unknown>[];
  const byId = (rows: Record<string, unknown>[]) => new Map(rows.map((row) => [row[idKey] as string, row]));
  const rowsOf: Record<NodeField, Map<string, unknown>> = {
    service: byId(services),
    actor: byId(services.flatMap((service) => (service[providersKey] ?? []) as Record<string, unknown>[])),
  };
  for (const o of wanted) nodes.set(o.key, rowsOf[o.field]);
  return nodes;
}

/**
 * The node of a step or exclusion for the field being resolved, by the response keys in its path: the
 * object the inner execution resolved for that very selection, hence typed as the field's type.
 */
export function nodeFor<Node>(nodes: NodesByKey, info: GraphQLResolveInfo, id: string): Node {
  const listKey = info.path.prev?.prev?.key;
  return (nodes.get(occurrenceKey(String(listKey), info.path.key as string))?.get(id) ?? null) as Node;
}

function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

function fieldsOf(selectionSets: (SelectionSetNode | undefined)[], info: GraphQLResolveInfo): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const set of selectionSets) {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf([selection.selectionSet], info));
      else fields.push(...fieldsOf([info.fragments[selection.name.value]?.selectionSet], info));
    }
  }
  return fields;
}

/** Resolvers of the route's node fields: the nodes fetched for the selection being resolved. */
type RouteNodeParent = { serviceId: string; actorId: string; nodes: NodesByKey };
export const routeNodeResolvers = {
  service: (parent: RouteNodeParent, _args: unknown, _context: unknown, info: GraphQLResolveInfo) =>
    nodeFor<ResolversTypes["Service"]>(parent.nodes, info, parent.serviceId),
  actor: (parent: RouteNodeParent, _args: unknown, _context: unknown, info: GraphQLResolveInfo) =>
    nodeFor<ResolversTypes["Actor"]>(parent.nodes, info, parent.actorId),
} satisfies RouteStepResolvers & ExclusionResolvers;
