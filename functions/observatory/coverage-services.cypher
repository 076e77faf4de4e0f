// The observatory's coverage of a département: its communes with their zones, and every service that
// answers a need and serves one of them, their zone, the département or France, with what the
// coverage figures read (hours, places, provider, source). No location, no contact.
//
// $departement: the département's code
MATCH (departement:Territory {code: $departement, level: 'DEPARTEMENT'})
CALL (departement) {
  MATCH (commune:Territory {level: 'COMMUNE'})-[:PART_OF]->(departement)
  RETURN collect(commune {
    .code, .name,
    zones: [(commune)-[:PART_OF]->(zone:Territory {level: 'ZONE'}) | zone.code]
  }) AS communes
}
// From the département's own territories and France (NATIONAL in functions/domain/territories.ts),
// never from every territory of the graph: the cost follows the département's size, not the country's.
CALL (departement) {
  OPTIONAL MATCH (nation:Territory {code: 'FR', level: 'NATIONAL'})
  UNWIND [departement, nation] + [(departement)<-[:PART_OF]-(inside:Territory) | inside] AS area
  WITH DISTINCT area WHERE area IS NOT NULL
  MATCH (area)<-[:SERVES]-(service:Service)
  WITH DISTINCT service
  MATCH (service)-[:ANSWERS]->(:Need)
  WITH DISTINCT service
  RETURN collect(service {
    .id, .name, .kind, .audience, .actsTonight, .source,
    verifiedAt: toString(service.verifiedAt),
    providerIds: [(service)<-[:OFFERS]-(actor:Actor) | actor.id],
    actorName: head([(service)<-[:OFFERS]-(actor:Actor) | actor.name]),
    needs: [(service)-[:ANSWERS]->(need:Need) | need.code],
    situations: [(service)-[:HANDLES]->(situation:Situation) | situation.code],
    areas: [(service)-[:SERVES]->(area:Territory) | area { .code, .level }],
    openingHours: head([(service)-[:HAS_SCHEDULE]->(schedule:Schedule) | schedule.openingHours]),
    capacity: head([(service)-[:HAS_CAPACITY]->(capacity:Capacity) | capacity { .placesTotal, .placesFree }])
  }) AS services
}
RETURN communes, services,
       COLLECT { MATCH (need:Need) RETURN need { .code, .routeOrder, .label } ORDER BY need.routeOrder } AS needs
