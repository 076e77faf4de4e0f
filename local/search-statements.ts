/**
 * The `search` query's Cypher statement as the API serves it (schema/search.graphql), and the
 * statement it replaced, for bench:search's baseline: each word its term or its prefix, nothing after
 * an elided article nor a ligature folded (as served before 911dd20), the rest as served.
 */
import { Kind, parse, type ObjectTypeDefinitionNode } from "graphql";

export type SearchStatementName = "plain-prefix" | "served";

/** Each word and the full-text query as before 911dd20: the term or its prefix. */
const plainPrefixWords = `WITH [word IN split(apoc.text.replace(toLower($text), '[^\\\\p{L}\\\\p{N}]+', ' '), ' ') WHERE word <> ''] AS words
WHERE size(words) > 0
CALL db.index.fulltext.queryNodes('parcours_search', apoc.text.join([word IN words | '(' + word + ' OR ' + word + '*)'], ' AND '))
`;
const afterTheIndex = "YIELD node, score";

/** The baseline: the served statement with its words and full-text query as before; what it makes of the index's answer is the same. */
export function plainPrefixStatementOf(served: string): string {
  const rest = served.indexOf(afterTheIndex);
  if (rest < 0) throw new Error(`the search statement no longer has "${afterTheIndex}"`);
  return plainPrefixWords + served.slice(rest);
}

/** The statement of `Query.search`'s @cypher directive in the type definitions given. */
export function searchStatementOf(definitions: string): string {
  const query = parse(definitions).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query" && d.fields?.some((f) => f.name.value === "search") === true);
  const cypher = query?.fields?.find((f) => f.name.value === "search")?.directives?.find((d) => d.name.value === "cypher");
  const statement = cypher?.arguments?.find((a) => a.name.value === "statement")?.value;
  if (statement?.kind !== Kind.STRING) throw new Error("Query.search has no @cypher statement");
  return statement.value;
}
