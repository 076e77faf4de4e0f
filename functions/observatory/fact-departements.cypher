// A fact markVerified names, with the départements of the actors it belongs to (null: national).
//
// $label: one of the FactLabel values; $id: the record's id
CALL () {
  MATCH (n:Actor {id: $id}) WHERE $label = 'Actor' RETURN n, [n.departement] AS departements
  UNION
  MATCH (n:Service {id: $id}) WHERE $label = 'Service' RETURN n, [(n)<-[:OFFERS]-(a:Actor) | a.departement] AS departements
  UNION
  MATCH (n:ContactPoint {id: $id}) WHERE $label = 'ContactPoint'
  RETURN n, [(n)<-[:HAS_CONTACT]-(a:Actor) | a.departement] + [(n)<-[:HAS_CONTACT]-(:Service)<-[:OFFERS]-(a:Actor) | a.departement] AS departements
  UNION
  MATCH (n:Schedule {id: $id}) WHERE $label = 'Schedule' RETURN n, [(n)<-[:HAS_SCHEDULE]-(:Service)<-[:OFFERS]-(a:Actor) | a.departement] AS departements
  UNION
  MATCH (n:Capacity {id: $id}) WHERE $label = 'Capacity' RETURN n, [(n)<-[:HAS_CAPACITY]-(:Service)<-[:OFFERS]-(a:Actor) | a.departement] AS departements
  UNION
  MATCH (n:Location {id: $id}) WHERE $label = 'Location'
  RETURN n, [(n)-[:IN_COMMUNE]->(:Territory)-[:PART_OF]->(d:Territory {level: 'DEPARTEMENT'}) | d.code] AS departements
  UNION
  MATCH (n:Convention {id: $id}) WHERE $label = 'Convention' RETURN n, [(n)<-[:PARTY_TO]-(a:Actor) | a.departement] AS departements
  UNION
  MATCH (n:Source {id: $id}) WHERE $label = 'Source'
  RETURN n, COLLECT { MATCH (a:Actor) WHERE a.source = n.ref RETURN a.departement
                      UNION ALL MATCH (:Service {source: n.ref})<-[:OFFERS]-(a:Actor) RETURN a.departement } AS departements
}
RETURN n.id AS id, toString(n.verifiedAt) AS verifiedAt, n.unverified AS unverified, departements
