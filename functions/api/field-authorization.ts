/**
 * Fields only some roles may read (a capacity's counts): asked by another role, the field comes back
 * null with one FORBIDDEN error at its own path, and the rest of the answer stays.
 *
 * @neo4j/graphql checks a field's @authorization while it translates the whole query into one
 * Cypher statement, and fails the whole query when one field is denied. So the root resolvers hand
 * the library the query without the fields the caller may not read, and those fields' own
 * resolvers refuse, as GraphQL nulls a failed nullable field and nothing else.
 */
import {
  defaultFieldResolver,
  isInterfaceType,
  isObjectType,
  getNamedType,
  Kind,
  parse,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";
import { typeDefs } from "../../generated/type-defs";
import { Forbidden } from "../errors";

interface CallerContext {
  caller: { role: string };
}

/**
 * "Type.field" → the roles that may read it: the fields whose @authorization is only a READ rule on
 * the token's role, as written in schema/.
 */
export const roleProtectedFields: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  parse(typeDefs).definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return [];
    return (definition.fields ?? []).flatMap((field) => {
      const rule = field.directives?.find((d) => d.name.value === "authorization");
      const validate = rule?.arguments?.find((a) => a.name.value === "validate");
      if (!validate) return [];
      const roles = (valueFromASTUntyped(validate.value) as { where?: { jwt?: { role?: { in?: string[] } } } }[]).map((r) => r.where?.jwt?.role?.in);
      if (roles.length !== 1 || !roles[0]) return [];
      return [[`${definition.name.value}.${field.name.value}`, new Set(roles[0])] as const];
    });
  }),
);

const mayRead = (typeName: string, fieldName: string, role: string) => roleProtectedFields.get(`${typeName}.${fieldName}`)?.has(role) ?? true;

/** The schema with role-protected fields that null only themselves for a role that may not read them. */
export function withFieldAuthorization(schema: GraphQLSchema): GraphQLSchema {
  for (const key of roleProtectedFields.keys()) {
    const [typeName, fieldName] = key.split(".") as [string, string];
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: CallerContext, info) => {
      if (!mayRead(typeName, fieldName, context.caller.role)) {
        throw new Forbidden(`the caller's role may not read ${key} (README, Roles and access)`);
      }
      return resolve(source, args, context, info);
    };
  }
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = ((source, args, context: CallerContext, info) => resolve(source, args, context, withoutDeniedFields(info, context.caller.role))) as GraphQLFieldResolver<unknown, CallerContext>;
    }
  }
  return schema;
}

/** Roles that may read every protected field: the library sees their selections as they are. */
const readsEveryField = (role: string) => [...roleProtectedFields.values()].every((roles) => roles.has(role));

/**
 * Pruned selections by the field's first node and role: Apollo hands every request of the same query
 * text the same parsed document, so a field's selection is pruned once per role.
 */
const prunedSelections = new WeakMap<FieldNode, Map<string, Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">>>();

/** The resolve info as the library should see it: the fields this role may not read left out. */
function withoutDeniedFields(info: GraphQLResolveInfo, role: string): GraphQLResolveInfo {
  if (readsEveryField(role)) return info;
  const first = info.fieldNodes[0]!;
  let ofRoles = prunedSelections.get(first);
  if (!ofRoles) prunedSelections.set(first, (ofRoles = new Map()));
  let pruned = ofRoles.get(role);
  if (!pruned) ofRoles.set(role, (pruned = prunedSelection(info, role)));
  return { ...info, ...pruned };
}

function prunedSelection(info: GraphQLResolveInfo, role: string): Pick<GraphQLResolveInfo, "fieldNodes" | "fragments"> {
  const prune = (set: SelectionSetNode, parent: GraphQLNamedType): SelectionSetNode => ({
    ...set,
    selections: set.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.FIELD) {
        if (!mayRead(parent.name, selection.name.value, role)) return [];
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!selection.selectionSet || !field) return [selection];
        return [{ ...selection, selectionSet: prune(selection.selectionSet, getNamedType(field.type)) } satisfies FieldNode];
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : parent;
        return type ? [{ ...selection, selectionSet: prune(selection.selectionSet, type) }] : [selection];
      }
      return [selection];
    }),
  });
  const returned = getNamedType(info.returnType);
  const fragments = Object.fromEntries(
    Object.entries(info.fragments).map(([name, fragment]): [string, FragmentDefinitionNode] => {
      const type = info.schema.getType(fragment.typeCondition.name.value);
      return [name, type ? { ...fragment, selectionSet: prune(fragment.selectionSet, type) } : fragment];
    }),
  );
  const fieldNodes = info.fieldNodes.map((node) => (node.selectionSet ? { ...node, selectionSet: prune(node.selectionSet, returned) } : node));
  return { fieldNodes, fragments };
}
