/**
 * The `search` query's Cypher statement as the API serves it (schema/search.graphql), and the
 * statement it replaced, for bench:search's baseline: each word its term or its prefix, nothing after
 * an elided article nor a ligature folded (as served before 911dd20).
 */
import { Kind, parse, type ObjectTypeDefinitionNode } from "graphql";

export type SearchStatementName = "plain-prefix" | "served";

export const plainPrefixStatement = `WITH [word IN split(apoc.text.replace(toLower($text), '[^\\\\p{L}\\\\p{N}]+', ' '), ' ') WHERE word <> ''] AS words
WHERE size(words) > 0
CALL db.index.fulltext.queryNodes('parcours_search', apoc.text.join([word IN words | '(' + word + ' OR ' + word + '*)'], ' AND '))
YIELD node, score
WITH CASE WHEN node:Service THEN head([(provider:Actor)-[:OFFERS]->(node) | provider]) ELSE node END AS actor, score
WHERE actor IS NOT NULL
WITH actor, max(score) AS relevance
WITH actor, relevance, [(actor)-[:OFFERS]->(service:Service) | service.audience] AS audiences
WITH actor, relevance,
     CASE WHEN 'VICTIMS' IN audiences THEN 0
          WHEN size(audiences) > 0 AND all(audience IN audiences WHERE audience = 'PERPETRATORS') THEN 2
          ELSE 1 END AS audienceOrder
ORDER BY audienceOrder, relevance DESC, actor.name
LIMIT CASE WHEN $limit > 100 THEN 100 ELSE $limit END
RETURN actor`;

/** The statement of `Query.search`'s @cypher directive in the type definitions given. */
export function searchStatementOf(definitions: string): string {
  const query = parse(definitions).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query" && d.fields?.some((f) => f.name.value === "search") === true);
  const cypher = query?.fields?.find((f) => f.name.value === "search")?.directives?.find((d) => d.name.value === "cypher");
  const statement = cypher?.arguments?.find((a) => a.name.value === "statement")?.value;
  if (statement?.kind !== Kind.STRING) throw new Error("Query.search has no @cypher statement");
  return statement.value;
}
