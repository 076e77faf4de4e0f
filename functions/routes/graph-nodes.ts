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
  type OperationDefinitionNode,
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

/**
 * What a route field's selection asks of the graph, worked out once per operation, role and field:
 * Apollo hands every request of the same query text the same parsed operation.
 */
interface NodeFetchPlan {
  idOnly: Occurrence[];
  wanted: Occurrence[];
  wantsActors: boolean;
  listsWanting: (field: NodeField | null) => string[];
  /** The document @neo4j/graphql translates, the ids and their counts as variables beside the request's own. */
  translated: { source: string; document: DocumentNode };
  /**
   * The same selection without the ids, for a kept statement (route-node-reads.ts), whose fields need
   * no arguments; null when the selection reads the request's own variables, as such a statement is not kept.
   */
  read: DocumentNode | null;
}

const plansOfOperations = new WeakMap<OperationDefinitionNode, Map<string, NodeFetchPlan>>();

function nodeFetchPlan(info: GraphQLResolveInfo, role: string, lists: string[]): NodeFetchPlan {
  const planKey = `${role}\n${String(info.path.key)}\n${lists.join(",")}`;
  let plans = plansOfOperations.get(info.operation);
  if (!plans) plansOfOperations.set(info.operation, (plans = new Map()));
  let plan = plans.get(planKey);
  if (!plan) {
    plan = newNodeFetchPlan(info, lists);
    plans.set(planKey, plan);
  }
  return plan;
}

function newNodeFetchPlan(info: GraphQLResolveInfo, lists: string[]): NodeFetchPlan {
  const all = occurrences(info, lists);
  // Selections of one response key merge: the key is id-only when all of them are.
  const found = all.map((o) => ({ ...o, idOnly: all.every((other) => other.key !== o.key || other.idOnly) }));
  const wanted = found.filter((o) => !o.idOnly);
  const selectionsOf = (field: NodeField) =>
    wanted.filter((o) => o.field === field).map((o) => print(o.selectionSet).slice(1, -1)).join(" ");
  // Lists have a default page size (schema @limit): ask for exactly as many nodes as the route names.
  // An actor is fetched as the provider of its step's or exclusion's service.
  const wantsActors = wanted.some((o) => o.field === "actor");
  const idVariables = wantsActors ? [serviceIdsVariable, actorIdsVariable] : [serviceIdsVariable];
  const documentOf = (byIds: (variable: string) => string, variables: string[]) => {
    const providers = wantsActors ? `${providersKey}: providers${byIds(actorIdsVariable)} { ${idKey}: id ${selectionsOf("actor")} }` : "";
    const root = `services${byIds(serviceIdsVariable)} { ${idKey}: id ${selectionsOf("service")} ${providers} }`;
    const fragments = Object.values(info.fragments).map(print).join("\n");
    return `query RouteNodes${variables.length > 0 ? `(${variables.join(", ")})` : ""} { ${root} }\n${fragments}`;
  };
  const operationVariables = info.operation.variableDefinitions ?? [];
  const source = documentOf(
    (variable) => `(where: { id: { in: $${variable} } }, limit: $${variable}Limit)`,
    [...operationVariables.map(print), ...idVariables.flatMap((name) => [`$${name}: [ID!]!`, `$${name}Limit: Int!`])],
  );
  const document = parse(source);
  let readsRequestVariables = false;
  visit(document, {
    VariableDefinition: () => false,
    Variable: (variable) => {
      if (!idVariables.some((name) => variable.name.value === name || variable.name.value === `${name}Limit`)) readsRequestVariables = true;
    },
  });
  const redefinesIdVariables = operationVariables.some((definition) => definition.variable.name.value.startsWith("_parcours"));
  return {
    idOnly: found.filter((o) => o.idOnly),
    wanted,
    wantsActors,
    listsWanting: (field) => [...new Set(wanted.filter((o) => field === null || o.field === field).map((o) => o.list))],
    translated: { source, document },
    read: readsRequestVariables || redefinesIdVariables ? null : parse(documentOf(() => "", [])),
  };
}

/**
 * `run`: the route's auto-commit reads; `version`: the graph's, read before them; `idsOf(field,
 * lists)`: the ids of that field in those lists of the route, sorted, once each.
 */
export async function fetchRouteNodes(
  info: GraphQLResolveInfo,
  context: GraphQLContext,
  run: RunRead,
  version: string | null,
  lists: string[],
  idsOf: (field: NodeField, lists: string[]) => string[],
): Promise<NodesByKey> {
  const plan = nodeFetchPlan(info, context.caller.role, lists);
  const nodes: NodesByKey = new Map();
  for (const o of plan.idOnly) {
    const rows = nodes.get(o.key) ?? new Map<string, unknown>();
    for (const id of idsOf(o.field, [o.list])) rows.set(id, { ...(rows.get(id) as object | undefined), ...idOnlyRow(o, id) });
    nodes.set(o.key, rows);
  }
  if (plan.wanted.length === 0) return nodes;

  const ids: Record<string, string[]> = { [serviceIdsVariable]: idsOf("service", plan.listsWanting(null)) };
  if (plan.wantsActors) ids[actorIdsVariable] = idsOf("actor", plan.listsWanting("actor"));
  const limits = Object.fromEntries(Object.entries(ids).map(([name, list]) => [`${name}Limit`, Math.max(list.length, 1)]));
  const ownVariables = { ...ids, ...limits };
  // The same document read by the same caller is the same Cypher with other ids (route-node-reads.ts).
  const readKey = plan.read ? `${context.caller.role}\n${JSON.stringify(context.jwt ?? null)}\n${plan.translated.source}` : null;
  const result = await readRouteNodes(readKey, ownVariables, run, version, (readContext, kept) =>
    Promise.resolve(
      kept && plan.read
        ? execute({ schema: info.schema, document: plan.read, contextValue: { ...context, ...readContext } })
        : execute({ schema: info.schema, document: plan.translated.document, contextValue: { ...context, ...readContext }, variableValues: { ...info.variableValues, ...ownVariables } }),
    ),
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
  for (const o of plan.wanted) nodes.set(o.key, rowsOf[o.field]);
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
