/**
 * The services and actors of a route are ordinary graph types: a partner app may select any of
 * their fields and relations. The route query returns ids only; their selections are fetched in one
 * more GraphQL execution against the same schema and context, so @neo4j/graphql translates them to
 * Cypher and applies the same authorization rules as anywhere else in the API.
 */
import {
  execute,
  GraphQLError,
  Kind,
  parse,
  print,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from "graphql";

type NodeField = "service" | "actor";
const rootFieldOf: Record<NodeField, string> = { service: "services", actor: "actors" };
const idKey = "__parcoursId";

interface Occurrence {
  key: string;
  field: NodeField;
  selectionSet: SelectionSetNode;
}

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
        found.push({ key: occurrenceKey(responseKey(list), responseKey(field)), field: name, selectionSet: field.selectionSet });
      }
    }
  }
  return found;
}

export async function fetchRouteNodes(
  info: GraphQLResolveInfo,
  context: unknown,
  lists: string[],
  idsOf: (field: NodeField) => string[],
): Promise<NodesByKey> {
  const wanted = occurrences(info, lists);
  const nodes: NodesByKey = new Map();
  if (wanted.length === 0) return nodes;

  // One root field per node type, its selection the union of the route's selections of that type,
  // so that @neo4j/graphql translates and runs at most two queries however the route is selected.
  const fields = [...new Set(wanted.map((o) => o.field))];
  const variables = info.operation.variableDefinitions?.map(print).join(", ") ?? "";
  const roots = fields.map((field) => {
    const selections = wanted.filter((o) => o.field === field).map((o) => print(o.selectionSet).slice(1, -1));
    return `${field}: ${rootFieldOf[field]}(where: { id: { in: ${JSON.stringify(idsOf(field))} } }) { ${idKey}: id ${selections.join(" ")} }`;
  });
  const fragments = Object.values(info.fragments).map(print).join("\n");
  const document = parse(`query RouteNodes${variables ? `(${variables})` : ""} { ${roots.join("\n")} }\n${fragments}`);

  const result = await execute({ schema: info.schema, document, contextValue: context, variableValues: info.variableValues });
  const error = result.errors?.[0];
  if (error) throw error instanceof GraphQLError ? error : new GraphQLError(String(error));
  for (const o of wanted) {
    const rows = (result.data?.[o.field] ?? []) as Record<string, unknown>[];
    nodes.set(o.key, new Map(rows.map((row) => [row[idKey] as string, row])));
  }
  return nodes;
}

/** The node of a step or exclusion for the field being resolved, by the response keys in its path. */
export function nodeFor(nodes: NodesByKey, info: GraphQLResolveInfo, id: string): unknown {
  const listKey = info.path.prev?.prev?.key;
  return nodes.get(occurrenceKey(String(listKey), info.path.key as string))?.get(id) ?? null;
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
export const routeNodeResolvers = {
  service: (parent: { serviceId: string; nodes: NodesByKey }, _args: unknown, _context: unknown, info: GraphQLResolveInfo) =>
    nodeFor(parent.nodes, info, parent.serviceId),
  actor: (parent: { actorId: string; nodes: NodesByKey }, _args: unknown, _context: unknown, info: GraphQLResolveInfo) =>
    nodeFor(parent.nodes, info, parent.actorId),
};
