// The records already in the graph that a dataset write may refer to or change, with the
// département each belongs to (for references and for the coordinators' write scope). Only those
// whose id is among $ids, every string of the write: a write refers to a record by its id, and reading
// the whole graph took seconds at France scale.
CALL () { MATCH (n:Source) WHERE n.id IN $ids RETURN collect(n.id) AS sources }
// Sources cited by records of other départements may be changed by an ADMIN only. The actors and
// services citing a source are found through their source indexes (indexes.cypher), not by reading
// every actor and service of the graph; UNION keeps one row per département, however many cite it.
CALL () {
  MATCH (n:Source) WHERE n.id IN $ids
  RETURN collect(n {.id, .ref, .title, publishedOn: toString(n.publishedOn), verifiedAt: toString(n.verifiedAt), .dateNote, .unverified,
    departements: COLLECT {
      MATCH (a:Actor) WHERE a.source = n.ref RETURN a.departement AS departement
      UNION
      MATCH (a:Actor)-[:OFFERS]->(x:Service) WHERE x.source = n.ref RETURN a.departement AS departement
    }
  }) AS citedSources
}
CALL () {
  MATCH (n:Location) WHERE n.id IN $ids
  RETURN collect({id: n.id, communes: [(n)-[:IN_COMMUNE]->(commune:Territory) | commune.code]}) AS locations
}
CALL () { MATCH (n:Actor) WHERE n.id IN $ids RETURN collect({id: n.id, departement: n.departement}) AS actors }
CALL () {
  MATCH (n:Service) WHERE n.id IN $ids
  RETURN collect({id: n.id, departements: [(provider:Actor)-[:OFFERS]->(n) | provider.departement]}) AS services
}
CALL () {
  MATCH (n:Convention) WHERE n.id IN $ids
  RETURN collect({id: n.id, departements: [(party:Actor)-[:PARTY_TO]->(n) | party.departement]}) AS conventions
}
RETURN sources, citedSources, locations, actors, services, conventions
