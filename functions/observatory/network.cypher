// The partner network of a département: its actors, the actors they relate to, the services they
// offer or fund, their conventions, and every typed relation between them with its source.
//
// $departement: the département's code
MATCH (actor:Actor {departement: $departement})
WITH collect(actor) AS own
CALL (own) {
  UNWIND own AS actor
  MATCH (actor)-[relation:FUNDS|COORDINATES|HOLDS_PERMANENCE_AT|MEMBER_OF|REFERS_TO|PART_OF]-(other:Actor)
  RETURN collect(DISTINCT other) AS related,
         collect(DISTINCT {type: type(relation), from: startNode(relation).id, to: endNode(relation).id,
                           source: relation.source, verifiedAt: toString(relation.verifiedAt)}) AS actorRelations
}
CALL (own) {
  UNWIND own AS actor
  MATCH (actor)-[relation:OFFERS|FUNDS]->(service:Service)
  RETURN collect(DISTINCT service) AS services,
         collect(DISTINCT {type: type(relation), from: actor.id, to: service.id,
                           source: coalesce(relation.source, service.source),
                           verifiedAt: toString(coalesce(relation.verifiedAt, service.verifiedAt))}) AS serviceRelations
}
CALL (own) {
  UNWIND own AS actor
  MATCH (actor)-[:PARTY_TO]->(convention:Convention)
  WITH DISTINCT convention
  RETURN collect(convention {
    .id, .name, .source,
    signedOn: toString(convention.signedOn),
    verifiedAt: toString(convention.verifiedAt),
    parties: [(convention)<-[party:PARTY_TO]-(signatory:Actor) | {id: signatory.id, source: party.source, verifiedAt: toString(party.verifiedAt)}]
  }) AS conventions
}
RETURN [actor IN own + [other IN related WHERE NOT other IN own] | actor { .id, .name, .kind, .departement }] AS actors,
       [service IN services | service { .id, .name, .kind }] AS services,
       actorRelations + serviceRelations AS relations,
       conventions
