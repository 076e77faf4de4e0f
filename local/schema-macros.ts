/**
 * Field rules that recur in schema/, written once here. A field of schema/ carries the macro's name
 * as a directive (`address: String @confidentialAddress`); `npm run codegen` expands it into the
 * directives @neo4j/graphql reads (generated/type-defs.ts), so that the rule cannot drift between
 * the fields that share it.
 */
const macros: Record<string, (field: string) => string[]> = {
  // A confidential location's address, postal code and coordinates are masked in the Cypher that reads
  // them: null unless the caller is an ADMIN or a COORDINATOR of the location's département. Not an
  // @authorization rule because those can only hide the whole location or fail the whole query, and
  // they do not cover filters or sorting; these fields are neither filterable nor sortable, so no
  // filter, sort or aggregate can be used as an oracle on them.
  confidentialAddress: (field) => [
    "@cypher(",
    '  statement: """',
    "  RETURN CASE WHEN NOT this.confidential OR $jwt.role = 'ADMIN' OR ($jwt.role = 'COORDINATOR' AND EXISTS {",
    "    (this)-[:IN_COMMUNE]->(:Territory)-[:PART_OF]->(:Territory {level: 'DEPARTEMENT', code: $jwt.departement})",
    `  }) THEN this.${field} END AS value`,
    '  """',
    '  columnName: "value"',
    ")",
    "@filterable(byValue: false, byAggregate: false)",
    "@sortable(byValue: false)",
  ],
  // Free-place counts and their details are read by professionals only; the public reads
  // Capacity.placesAvailable. A field rule, not a type rule: the type stays readable for that field.
  professionalsOnly: () => [
    '@authorization(validate: [{ operations: [READ], where: { jwt: { role: { in: ["FRONTLINE", "COORDINATOR", "SHELTER_OPERATOR", "ADMIN"] } } } }])',
    "@filterable(byValue: false, byAggregate: false)",
    "@sortable(byValue: false)",
    "@selectable(onRead: true, onAggregate: false)",
  ],
};

const macroField = /^( *)(\w+)(: [^@\n]+?) @(\w+)$/gm;

export function expandSchemaMacros(typeDefs: string): string {
  return typeDefs.replace(macroField, (line, indent: string, field: string, type: string, name: string) => {
    const expand = macros[name];
    if (!expand) return line;
    return [`${indent}${field}${type}`, ...expand(field).map((directive) => `${indent}  ${directive}`)].join("\n");
  });
}
