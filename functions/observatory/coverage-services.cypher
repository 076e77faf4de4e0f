// The observatory's coverage of a département: its communes with their zones, and every service that
// answers a need and serves one of them, their zone, the département or France, with what the
// coverage figures read (hours, places, provider, source). No location, no contact.
//
// A page of its communes reads only the services of those communes, of their zones inside the
// département, of the département and of France: what those communes' cells need, and no more.
//
// $departement: the département's code
// $page.communes: the codes of the communes of the page; null for every commune of the département.
// In a map: Neo4j keys a plan on its parameters' types, a list's size among them, and planning this
// query costs it ~0.5 s of CPU (~1.7 s on a freshly started JVM): one plan serves every page.
MATCH (departement:Territory {code: $departement, level: 'DEPARTEMENT'})
CALL (departement) {
  MATCH (commune:Territory {level: 'COMMUNE'})-[:PART_OF]->(departement)
  WHERE $page.communes IS NULL OR commune.code IN $page.communes
  RETURN collect(commune {
    .code, .name,
    zones: [(commune)-[:PART_OF]->(zone:Territory {level: 'ZONE'}) | zone.code]
  }) AS communes
}
// From the département's own territories and France (NATIONAL in functions/domain/territories.ts),
// never from every territory of the graph: the cost follows the département's size, not the country's.
CALL (departement, communes) {
  OPTIONAL MATCH (nation:Territory {code: 'FR', level: 'NATIONAL'})
  // A page's communes and their zones, of the département's own territories as for every commune.
  WITH departement, nation, CASE WHEN $page.communes IS NULL THEN null
    ELSE reduce(codes = [], commune IN communes | codes + commune.code + commune.zones) END AS pageAreas
  UNWIND [departement, nation] + [(departement)<-[:PART_OF]-(inside:Territory) WHERE pageAreas IS NULL OR inside.code IN pageAreas | inside] AS area
  WITH DISTINCT area WHERE area IS NOT NULL
  MATCH (area)<-[:SERVES]-(service:Service)
  WITH DISTINCT service
  // One walk of the service's relationships rather than one per list: each walk reads them all.
  CALL (service) {
    MATCH (service)-[link]-(other)
    WITH type(link) AS kind, other, startNode(link) = service AS outgoing
    RETURN collect(CASE WHEN kind = 'OFFERS' AND NOT outgoing AND other:Actor THEN other END) AS actors,
           collect(CASE WHEN kind = 'ANSWERS' AND outgoing AND other:Need THEN other.code END) AS needs,
           collect(CASE WHEN kind = 'HANDLES' AND outgoing AND other:Situation THEN other.code END) AS situations,
           collect(CASE WHEN kind = 'SERVES' AND outgoing AND other:Territory THEN other { .code, .level } END) AS areas,
           collect(CASE WHEN kind = 'HAS_SCHEDULE' AND outgoing AND other:Schedule THEN other.openingHours END) AS openingHours,
           collect(CASE WHEN kind = 'HAS_CAPACITY' AND outgoing AND other:Capacity THEN other { .placesTotal, .placesFree } END) AS capacities
  }
  WITH service, actors, needs, situations, areas, openingHours, capacities WHERE needs <> []
  RETURN collect(service {
    .id, .name, .kind, .audience, .actsTonight, .source,
    verifiedAt: toString(service.verifiedAt),
    providerIds: [actor IN actors | actor.id],
    actorName: head(actors).name,
    needs: needs,
    situations: situations,
    areas: areas,
    openingHours: head(openingHours),
    capacity: head(capacities)
  }) AS services
}
RETURN communes, services,
       COLLECT { MATCH (need:Need) RETURN need { .code, .routeOrder, .label } ORDER BY need.routeOrder } AS needs
