// The candidates of a referral route: every service that answers one of the route's needs, for the
// route's audience, in reach of the commune or at least of its département, with what the ranking
// and the reasons need (area reach, places, hours, capacity, eligibility).
//
// The walk starts from the territories around the commune — the commune, its zones, its département
// and whatever lies in it, and France — never from the needs, whose services span the whole country:
// the cost of a route grows with the size of a département, not with that of the graph.
//
// $communeCode: INSEE code of the commune (may be outside the covered départements)
// $departement: its département code
// $needs: the requested needs, or [] for the typical needs of $situations
// $urgentNeeds: needs a route in immediate danger always covers
// $situations, $audiences, $emergencyNumbers
OPTIONAL MATCH (commune:Territory {code: $communeCode, level: 'COMMUNE'})
OPTIONAL MATCH (departement:Territory {code: $departement, level: 'DEPARTEMENT'})
// The one national territory (NATIONAL in functions/domain/territories.ts).
OPTIONAL MATCH (nation:Territory {code: 'FR', level: 'NATIONAL'})
WITH commune, departement, nation, [(commune)-[:PART_OF]->(zone:Territory {level: 'ZONE'}) | zone] AS zones
WITH commune, departement, nation, zones,
     CASE WHEN size($needs) > 0 THEN $needs
          ELSE COLLECT { MATCH (s:Situation)-[:TYPICALLY_NEEDS]->(n:Need) WHERE s.code IN $situations RETURN DISTINCT n.code }
     END AS askedNeeds
WITH commune, departement, nation, zones, askedNeeds + [urgent IN $urgentNeeds WHERE NOT urgent IN askedNeeds] AS needCodes

// Each need of the route, in route order.
CALL (needCodes) {
  UNWIND needCodes AS needCode
  MATCH (need:Need {code: needCode})
  RETURN collect({ need: need.code, routeOrder: need.routeOrder }) AS needs, collect(need) AS needNodes
}

// Every service that serves the commune, its zones, its département, France, or another territory of
// the département (those are considered, then left out as another commune's), once; with the needs
// of the route it answers, if any.
CALL (commune, departement, nation, zones, needs, needNodes) {
  // Only territories are PART_OF territories, and only services SERVE: labels need no check.
  WITH commune, departement, nation, zones, needs, needNodes,
       [area IN [commune, departement, nation] + zones WHERE area IS NOT NULL] +
       [(departement)<-[:PART_OF*1..2]-(inside) | inside] AS areasAround,
       // The communes near her: those of her zones.
       reduce(near = [], zone IN zones | near + [(zone)<-[:PART_OF]-(member) | member]) AS nearCommunes
  UNWIND areasAround AS around
  WITH DISTINCT commune, departement, nation, zones, needs, needNodes, nearCommunes, areasAround, around
  MATCH (around)<-[:SERVES]-(service)
  WHERE service.audience IN $audiences
  WITH DISTINCT commune, departement, nation, zones, needs, needNodes, nearCommunes, areasAround, service
  // One walk over the service's relationships gives its needs, areas, situations, places, hours,
  // capacity and provider: on a service node, each walk reads all of its relationships. Reading a
  // relationship's type costs as much again, so the route's needs and the territories around are
  // known by node: from a service, a need is only ANSWERed and a territory only SERVEd.
  WITH commune, departement, nation, zones, needs, needNodes, nearCommunes, areasAround, service,
       [(service)-[link:ANSWERS|SERVES|HANDLES|AT|HAS_SCHEDULE|HAS_CAPACITY|OFFERS]-(other) | [link, other]] AS links
  WITH commune, departement, nation, zones, needNodes, nearCommunes, areasAround, service, links,
       [i IN range(0, size(needNodes) - 1) WHERE any(link IN links WHERE link[1] = needNodes[i]) | needs[i].need] AS answers
  WHERE size(answers) > 0
  WITH commune, departement, nation, zones, needNodes, nearCommunes, areasAround, service, links, answers,
       [link IN links | link[1]] AS neighbours
  WITH commune, departement, zones, needNodes, nearCommunes, areasAround, service, links, answers,
       CASE
         WHEN commune IS NOT NULL AND commune IN neighbours THEN 0
         WHEN any(zone IN zones WHERE zone IN neighbours) THEN 1
         WHEN departement IS NOT NULL AND departement IN neighbours THEN 2
         WHEN nation IS NOT NULL AND nation IN neighbours THEN 3
       END AS areaReach
  // What only a service in reach needs to be ranked; one out of reach is left out, with the names
  // of the territories it is reserved to.
  WITH service, answers, areaReach, nearCommunes,
       CASE WHEN areaReach IS NULL THEN [link IN links WHERE link[1] IN areasAround OR type(link[0]) = 'SERVES' | link[1].name] ELSE [] END AS areaNames,
       [link IN links WHERE NOT link[1] IN needNodes AND NOT link[1] IN areasAround | [type(link[0]), link[1]]] AS typed
  WITH service, answers, areaReach, nearCommunes, areaNames,
       head([link IN typed WHERE link[0] = 'OFFERS' | link[1]]) AS actor,
       head([link IN typed WHERE link[0] = 'HAS_CAPACITY' | link[1]]) AS capacity,
       CASE WHEN areaReach IS NULL THEN [] ELSE [link IN typed WHERE link[0] = 'HANDLES' | link[1].code] END AS situations,
       CASE WHEN areaReach IS NULL THEN [] ELSE [link IN typed WHERE link[0] = 'AT' | link[1]] END AS locations,
       CASE WHEN areaReach IS NULL THEN null ELSE head([link IN typed WHERE link[0] = 'HAS_SCHEDULE' | link[1]]) END AS schedule
  // A candidate is a row of values in the order candidateOfRow (candidate-row.ts) reads them, not a
  // map: the driver would decode every key of every map of every candidate, a sixth of the handler's CPU.
  RETURN collect([
    answers,
    // No names: the route's services and actors are fetched with the fields the request selects (graph-nodes.ts).
    service.id, service.kind, service.gender, service.minAge, service.maxAge, service.children,
    service.referralRequired, service.referredBy, service.languages, service.actsTonight, service.unverified,
    toString(service.verifiedAt), situations,
    actor.id,
    areaNames,
    areaReach,
    reduce(places = [], location IN locations |
      places + CASE WHEN NOT location.confidential THEN [(location)-[:IN_COMMUNE]->(place:Territory) |
        [location.name, place.name, place.code, place IN nearCommunes]] ELSE [] END),
    any(location IN locations WHERE location.confidential),
    CASE WHEN schedule IS NULL THEN null ELSE [schedule.openingHours, schedule.description] END,
    CASE WHEN capacity IS NULL THEN null ELSE [capacity.placesTotal, capacity.placesFree, toString(capacity.updatedAt)] END
  ]) AS candidates
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
