// The records already in the graph that a dataset write may refer to or change, with the
// département each belongs to (for references and for the coordinators' write scope). Only those
// whose id is among $ids, every string of the write: a write refers to a record by its id, and reading
// the whole graph took seconds at France scale.
CALL () { MATCH (n:Source) WHERE n.id IN $ids RETURN collect(n.id) AS sources }
// Sources cited by records of other départements may be changed by an ADMIN only. The actors and
// services citing a source are found through their source indexes (indexes.cypher), unless a thousand
// or more cite it: then by reading every actor as before, stopping at its first citation, since
// walking each of many citing services to its provider costs more (at France scale, for a source
// every record cites, 1.7 million db hits against 185 000). Either way, one row per département.
CALL () {
  MATCH (n:Source) WHERE n.id IN $ids
  WITH n, COUNT { MATCH (a:Actor) WHERE a.source = n.ref RETURN a LIMIT 1000 } + COUNT { MATCH (x:Service) WHERE x.source = n.ref RETURN x LIMIT 1000 } < 1000 AS fewCite
  RETURN collect(n {.id, .ref, .title, publishedOn: toString(n.publishedOn), verifiedAt: toString(n.verifiedAt), .dateNote, .unverified,
    // Each way in a CALL of its own, so that the planner does not start it before testing fewCite.
    departements: COLLECT {
      WITH n WHERE fewCite
      CALL (n) {
        MATCH (a:Actor) WHERE a.source = n.ref RETURN a.departement AS departement
        UNION
        MATCH (a:Actor)-[:OFFERS]->(x:Service) WHERE x.source = n.ref RETURN a.departement AS departement
      }
      RETURN departement
      UNION
      WITH n WHERE NOT fewCite
      CALL (n) {
        MATCH (a:Actor) WHERE a.source = n.ref OR EXISTS { (a)-[:OFFERS]->(x:Service) WHERE x.source = n.ref }
        RETURN DISTINCT a.departement AS departement
      }
      RETURN departement
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
// Territories the graph holds beside the deployment's référentiel: a service may serve a zone an import wrote.
CALL () { MATCH (n:Territory) WHERE n.code IN $ids RETURN collect(n.code) AS territories }
RETURN sources, citedSources, locations, actors, services, conventions, territories
