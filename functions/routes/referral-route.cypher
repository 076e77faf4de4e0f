// The candidates of a referral route: every service that answers one of the route's needs, for the
// route's audience, in reach of the commune or at least of its département, with what the ranking
// and the reasons need (area reach, places, hours, capacity, eligibility).
//
// $communeCode: INSEE code of the commune (may be outside the covered départements)
// $departement: its département code
// $needs: the requested needs, or [] for the typical needs of $situations
// $urgentNeeds: needs a route in immediate danger always covers
// $situations, $audiences, $emergencyNumbers
OPTIONAL MATCH (commune:Territory {code: $communeCode, level: 'COMMUNE'})
OPTIONAL MATCH (departement:Territory {code: $departement, level: 'DEPARTEMENT'})
WITH commune, departement, [(commune)-[:PART_OF]->(zone:Territory {level: 'ZONE'}) | zone] AS zones
WITH commune, departement, zones,
     CASE WHEN size($needs) > 0 THEN $needs
          ELSE COLLECT { MATCH (s:Situation)-[:TYPICALLY_NEEDS]->(n:Need) WHERE s.code IN $situations RETURN DISTINCT n.code }
     END AS needCodes

// Each need of the route, in route order, with the ids of the services that answer it.
CALL (needCodes) {
  UNWIND needCodes + [urgent IN $urgentNeeds WHERE NOT urgent IN needCodes] AS needCode
  MATCH (need:Need {code: needCode})
  RETURN collect({
    need: need.code,
    routeOrder: need.routeOrder,
    serviceIds: COLLECT { MATCH (need)<-[:ANSWERS]-(service:Service) WHERE service.audience IN $audiences RETURN service.id ORDER BY service.id }
  }) AS needs
}

// Every such service once, however many needs it answers.
CALL (commune, departement, zones, needs) {
  UNWIND needs AS need
  UNWIND need.serviceIds AS serviceId
  WITH DISTINCT serviceId
  MATCH (service:Service {id: serviceId})<-[:OFFERS]-(actor:Actor)
  WITH service, actor, [(service)-[:SERVES]->(area:Territory) | area] AS areas
  WITH service, actor, areas,
       CASE
         WHEN commune IS NOT NULL AND commune IN areas THEN 0
         WHEN any(zone IN zones WHERE zone IN areas) THEN 1
         WHEN departement IS NOT NULL AND departement IN areas THEN 2
         WHEN any(area IN areas WHERE area.level = 'NATIONAL') THEN 3
       END AS areaReach
  // Services of the département that serve other communes only are considered, then left out.
  WHERE areaReach IS NOT NULL
     OR (departement IS NOT NULL AND any(area IN areas WHERE EXISTS { (area)-[:PART_OF*1..2]->(departement) }))
  RETURN collect({
    service: service {
      .id, .name, .kind, .gender, .minAge, .maxAge, .children, .referralRequired, .referredBy, .languages,
      .actsTonight, .unverified,
      verifiedAt: toString(service.verifiedAt),
      situations: [(service)-[:HANDLES]->(situation:Situation) | situation.code]
    },
    actor: actor { .id, .name },
    areaNames: [area IN areas | area.name],
    areaReach: areaReach,
    places: [(service)-[:AT]->(location:Location)-[:IN_COMMUNE]->(place:Territory) WHERE NOT location.confidential | {
      location: location.name,
      name: place.name,
      code: place.code,
      nearby: any(zone IN zones WHERE (place)-[:PART_OF]->(zone))
    }],
    confidentialPlace: EXISTS { (service)-[:AT]->(:Location {confidential: true}) },
    schedule: head([(service)-[:HAS_SCHEDULE]->(schedule:Schedule) | schedule { .openingHours, .description }]),
    capacity: head([(service)-[:HAS_CAPACITY]->(capacity:Capacity) | capacity {
      .placesTotal, .placesFree, updatedAt: toString(capacity.updatedAt)
    }])
  }) AS candidates
}

RETURN needs, candidates,
       COLLECT {
         UNWIND $emergencyNumbers AS number
         CALL (number) {
           MATCH (line:Service)-[:HAS_CONTACT]->(contact:ContactPoint {value: number})
           WHERE contact.channel IN ['PHONE', 'SMS'] AND EXISTS { (line)-[:SERVES]->(:Territory {level: 'NATIONAL'}) }
           MATCH (line)<-[:OFFERS]-(provider:Actor)
           RETURN line, contact, provider
           ORDER BY line.id
           LIMIT 1
         }
         RETURN {
           number: number,
           label: provider.name,
           channel: contact.channel,
           source: contact.source,
           schedule: head([(line)-[:HAS_SCHEDULE]->(schedule:Schedule) | schedule { .openingHours, .description }])
         }
       } AS emergency
