/**
 * Limits on what one request may ask. graphql-armor enforces depth, aliases, directives and its own
 * cost while the query is validated; Parcours adds what armor cannot know: how many objects the
 * lists of a query may return (every node type has a page size, @limit in schema/), the length of
 * search text, and a cap on the response. Neo4j transactions carry a timeout (GraphQLContext).
 * Each refusal has its own extensions.code, before any Cypher runs.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  parse,
  valueFromASTUntyped,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type GraphQLError,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import { typeDefs } from "../../generated/type-defs";
import { BadUserInput, QueryLimitExceeded, queryLimitCodes, type QueryLimitCode } from "../errors";

export const queryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2_000,
  /** graphql-armor's cost: 2 per object, 1 per scalar, ×1.5 per level; the deepest test query costs about 100. */
  maxCost: 1_000,
  /**
   * Objects a query's lists may return at most, each list counted at its page size (the limit or
   * first asked, else the type's @limit default, never above its max): a page of 50 actors with
   * their services and those services' contacts is 127 550.
   */
  maxListObjects: 200_000,
  /** Lists of objects that are not graph nodes (a route's steps) count as this many. */
  unpagedListSize: 20,
  /** Bytes of one request body; API Gateway would accept 10 MB. */
  maxBodyBytes: 100_000,
  /** Bytes of one response body: beyond, the answer is refused rather than sent. */
  maxResponseBytes: 6_000_000,
  /** Milliseconds a Neo4j transaction of one request may run (Lambda's own timeout is longer). */
  transactionTimeoutMs: 10_000,
  /**
   * Milliseconds saveDataset's one transaction may run: it reads the records the dataset refers to,
   * snapshots what it touches before and after, writes and audits a whole file, all or nothing, which
   * under load outlasts a query's 10 s (a test fixture's save did). Below the function's 29 s
   * (stacks/api.ts) and API Gateway's 30 s, so that the caller gets QUERY_TIMEOUT, not a 504.
   */
  datasetWriteTimeoutMs: 20_000,
  /** Characters of a search text: names and acronyms are short. */
  maxSearchTextLength: 200,
} as const;

/**
 * The token limit is graphql-js's own parse option, not armor's: armor's Apollo plugin throws while
 * parsing starts, which Apollo answers with 500 instead of a 400 parse error.
 */
export const parseOptions = { maxTokens: queryLimits.maxTokens };

/**
 * armor refuses with "Syntax Error: …" under GRAPHQL_VALIDATION_FAILED; each limit reports its own
 * code and its limit instead (Apollo still answers GRAPHQL_VALIDATION_FAILED: formatError restores
 * the code from the error reported here, see limitRefusalCode).
 */
function refuseAs(code: QueryLimitCode, limit: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        if (!context) throw error;
        context.reportError(new QueryLimitExceeded(error.message.replace(/^Syntax Error: /, ""), code, { limit }));
      },
    ],
  };
}

/** The limit's code of a request armor refused, when the error is one. */
export function limitRefusalCode(error: unknown): QueryLimitCode | undefined {
  const code = (error as { originalError?: { extensions?: { code?: unknown } } } | undefined)?.originalError?.extensions?.code;
  return queryLimitCodes.find((known) => known === code);
}

export function queryArmor() {
  return new ApolloArmor({
    maxDepth: { n: queryLimits.maxDepth, ignoreIntrospection: true, flattenFragments: true, ...refuseAs("QUERY_TOO_DEEP", queryLimits.maxDepth) },
    maxAliases: { n: queryLimits.maxAliases, ...refuseAs("QUERY_TOO_MANY_ALIASES", queryLimits.maxAliases) },
    maxDirectives: { n: queryLimits.maxDirectives, ...refuseAs("QUERY_TOO_MANY_DIRECTIVES", queryLimits.maxDirectives) },
    maxTokens: { enabled: false },
    costLimit: { maxCost: queryLimits.maxCost, ignoreIntrospection: true, flattenFragments: true, ...refuseAs("QUERY_TOO_COSTLY", queryLimits.maxCost) },
    // Without introspection, "did you mean …?" suggestions would still reveal the schema.
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

interface PageSize {
  default: number;
  max: number;
}

/** Each node type's @limit, read from the schema's own type definitions. */
export const pageSizes: ReadonlyMap<string, PageSize> = new Map(
  parse(typeDefs).definitions.flatMap((definition) => {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) return [];
    const limit = definition.directives?.find((d) => d.name.value === "limit");
    if (!limit) return [];
    const arg = (name: string) => Number(valueFromASTUntyped(limit.arguments!.find((a) => a.name.value === name)!.value));
    return [[definition.name.value, { default: arg("default"), max: arg("max") }] as const];
  }),
);

const paginationArguments = new Set(["limit", "offset", "first"]);

/** The node type of a connection type's edges. */
function nodeOfEdges(type: GraphQLNamedType): GraphQLNamedType | undefined {
  const edges = isObjectType(type) ? type.getFields().edges : undefined;
  const edge = edges && getNamedType(edges.type);
  const node = edge && isObjectType(edge) ? edge.getFields().node : undefined;
  return node && getNamedType(node.type);
}

/** How many objects an operation's lists may return, each list at its page size. */
export function listObjects(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const argument = (node: FieldNode, field: GraphQLField<unknown, unknown>, name: string): number | undefined => {
    const given = node.arguments?.find((a) => a.name.value === name);
    const value = given ? valueFromASTUntyped(given.value, variables) : field.args.find((a) => a.name === name)?.defaultValue;
    return typeof value === "number" ? value : undefined;
  };
  const pageOf = (type: GraphQLNamedType, asked: number | undefined): number => {
    const size = pageSizes.get(type.name);
    if (!size) return asked ?? queryLimits.unpagedListSize;
    return Math.min(asked ?? size.default, size.max);
  };
  // A connection's page (first) is the size of its edges.
  const count = (set: SelectionSetNode, parent: GraphQLNamedType, multiplier: number, edges: number, depth: number): number => {
    if (depth > 2 * queryLimits.maxDepth) return Number.POSITIVE_INFINITY;
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type) total += count(selection.selectionSet, type, multiplier, edges, depth + 1);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && type) total += count(fragment.selectionSet, type, multiplier, edges, depth + 1);
      } else if (selection.selectionSet && (isObjectType(parent) || isInterfaceType(parent))) {
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const type = getNamedType(field.type);
        const size = !isListType(getNullableType(field.type)) ? 1 : selection.name.value === "edges" ? edges : pageOf(type, argument(selection, field, "limit"));
        const objects = multiplier * size;
        const node = nodeOfEdges(type);
        const edgesOfThis = node ? pageOf(node, argument(selection, field, "first")) : queryLimits.unpagedListSize;
        total += objects + (isCompositeType(type) ? count(selection.selectionSet, type, objects, edgesOfThis, depth + 1) : 0);
      }
    }
    return total;
  };
  const root = schema.getRootType(operation.operation);
  return root ? count(operation.selectionSet, root, 1, queryLimits.unpagedListSize, 0) : 0;
}

/** What the checks read of a document whatever its variables: the arguments they check, and its aliases. */
interface DocumentFacts {
  checkedArguments: ArgumentNode[];
  /** Aliases of every field, __typename included, fragments counted where they are spread. */
  aliases: number;
}

/** Apollo hands every request of the same query text the same parsed document: it is walked once. */
const factsOfDocuments = new WeakMap<DocumentNode, DocumentFacts>();

function factsOf(document: DocumentNode): DocumentFacts {
  let facts = factsOfDocuments.get(document);
  if (!facts) {
    const found: DocumentFacts = { checkedArguments: [], aliases: 0 };
    visit(document, {
      Argument(node) {
        if (paginationArguments.has(node.name.value) || node.name.value === "after" || node.name.value === "text") found.checkedArguments.push(node);
      },
      Field(node) {
        if (node.alias) found.aliases++;
      },
    });
    factsOfDocuments.set(document, (facts = found));
  }
  return facts;
}

/** @neo4j/graphql's cursors are graphql-relay's: base64 of "arrayconnection:<offset>". */
function isCursor(value: string): boolean {
  return /^arrayconnection:\d{1,9}$/.test(Buffer.from(value, "base64").toString("utf8"));
}

/**
 * Refuses before any Cypher runs: a cursor the API did not give, a negative limit, offset or first (@neo4j/graphql would pass them to
 * LIMIT and SKIP, where Neo4j fails with a masked internal error); too many aliases, __typename's
 * included; lists that may return more than maxListObjects; a search text beyond its length.
 */
export const requestLimits: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request, operation, schema }) {
        const variables = request.variables ?? {};
        const { checkedArguments, aliases } = factsOf(document);
        for (const node of checkedArguments) {
          const value = valueFromASTUntyped(node.value, variables);
          if (paginationArguments.has(node.name.value) && typeof value === "number" && value < 0) {
            throw new BadUserInput(`Argument "${node.name.value}" must not be negative.`, { field: node.name.value, nodes: [node], status: 400 });
          }
          if (node.name.value === "after" && typeof value === "string" && !isCursor(value)) {
            throw new BadUserInput(`Argument "after" is not a cursor this API gave (pageInfo.endCursor).`, { field: "after", nodes: [node], status: 400 });
          }
          if (node.name.value === "text" && typeof value === "string" && value.length > queryLimits.maxSearchTextLength) {
            throw new BadUserInput(`Argument "text" is ${value.length} characters long; a search text has at most ${queryLimits.maxSearchTextLength}.`, {
              field: "text",
              nodes: [node],
              status: 400,
            });
          }
        }
        if (aliases > queryLimits.maxAliases) {
          throw new QueryLimitExceeded(`The query has ${aliases} aliases; at most ${queryLimits.maxAliases} are allowed.`, "QUERY_TOO_MANY_ALIASES", {
            aliases,
            limit: queryLimits.maxAliases,
          });
        }
        const objects = operation ? listObjects(schema, document, operation, variables) : 0;
        if (objects > queryLimits.maxListObjects) {
          throw new QueryLimitExceeded(
            `The query's lists may return ${Number.isFinite(objects) ? objects : "unboundedly many"} objects; at most ${queryLimits.maxListObjects} are allowed: ask for smaller pages (limit, first) or fewer nested lists.`,
            "QUERY_TOO_COSTLY",
            { cost: Number.isFinite(objects) ? objects : null, limit: queryLimits.maxListObjects },
          );
        }
      },
    };
  },
};

/**
 * Answers the size check wrote out, by their data, for Apollo to send as they are (stringifyResult)
 * rather than write them out a second time.
 */
const writtenAnswers = new WeakMap<object, { errors: unknown; extensions: unknown; json: string }>();

/** Refuses to send an answer beyond maxResponseBytes: the list limits keep honest queries far below it. */
export const responseSizeLimit: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        const { errors, data, extensions } = response.body.singleResult;
        // In the order of the fields in which Apollo writes an answer, so that the same text serves both.
        const json = JSON.stringify({ errors, data, extensions });
        const bytes = Buffer.byteLength(json);
        if (bytes <= queryLimits.maxResponseBytes) {
          if (data) writtenAnswers.set(data, { errors, extensions, json });
          return;
        }
        response.body.singleResult = {
          errors: [
            new QueryLimitExceeded(`The answer would be ${bytes} bytes; at most ${queryLimits.maxResponseBytes} are sent: ask for smaller pages.`, "RESPONSE_TOO_LARGE", {
              limit: queryLimits.maxResponseBytes,
            }).toJSON(),
          ],
        };
        response.http.status = 400;
      },
    };
  },
};

/** Apollo's own writing of an answer (JSON and a newline), from the size check's text when it has it. */
export function stringifyResult(result: FormattedExecutionResult): string {
  const written = result.data ? writtenAnswers.get(result.data) : undefined;
  if (written && written.errors === result.errors && written.extensions === result.extensions) return `${written.json}\n`;
  return `${JSON.stringify(result)}\n`;
}
