// The candidates of a referral route: every service in reach of the commune (serving it, its zones,
// its département or France) that answers a need, for the route's audience, with what the ranking and
// the reasons need (needs answered, places, hours, capacity, eligibility), area by area; and a few
// services of other communes, read only for their exclusion.
//
// The walk starts from the territories around the commune, never from the needs, whose services span
// the whole country; and it never walks the whole département: the cost of a route grows with what is
// in reach of the commune, not with the size of the graph. An area's services are the same for every
// route of the same audiences, whatever its commune and needs: the function keeps them while the graph
// is unchanged (route-reads.ts) and names them in $request.keptAreas, which this query does not read
// again. At France density a département serves ~1 400 services: read once, not by every route.
//
// $request, one map: Neo4j keys a plan on its parameters' types, a list's size among them (0, 1, 2–10…),
// and planning this query costs it about a second of CPU; as separate lists, routes of other shapes
// (how many needs, situations, emergency numbers) each needed a plan (npm run bench:route-plans).
// $request.communeCode: INSEE code of the commune (may be outside the covered départements)
// $request.departement: its département code
// $request.needs: the requested needs, or [] for the typical needs of $request.situations
// $request.urgentNeeds: needs a route in immediate danger always covers
// $request.situations, $request.audiences, $request.emergencyNumbers
// $request.keptAreas: the areas whose services the function holds for these audiences, as 'LEVEL:code'
// $request.patches: the areas the function holds under an older version, as {area, since}: the area's
//   version then; only the services the writes since named are read again (mark-graph-changed.cypher)
// $request.digests: which digests of the areas it reads, {audiences, query}: those of the route's audiences, read by this query
// $request.surroundingsKept: whether the function holds the commune's areas, the communes near her and
//   the services of other communes it looked at for these audiences (then they are not read again)
// $request.outOfReachLookedAt: how many services of other communes the route looks at (rank-route.ts)
OPTIONAL MATCH (commune:Territory {code: $request.communeCode, level: 'COMMUNE'})
OPTIONAL MATCH (departement:Territory {code: $request.departement, level: 'DEPARTEMENT'})
// The one national territory (NATIONAL in functions/domain/territories.ts).
OPTIONAL MATCH (nation:Territory {code: 'FR', level: 'NATIONAL'})
WITH commune, departement, nation, [(commune)-[:PART_OF]->(zone:Territory {level: 'ZONE'}) | zone] AS zones
WITH commune, departement, nation, zones,
     CASE WHEN size($request.needs) > 0 THEN $request.needs
          ELSE COLLECT { MATCH (s:Situation)-[:TYPICALLY_NEEDS]->(n:Need) WHERE s.code IN $request.situations RETURN DISTINCT n.code }
     END AS askedNeeds
WITH commune, departement, nation, zones, askedNeeds + [urgent IN $request.urgentNeeds WHERE NOT urgent IN askedNeeds] AS needCodes,
     // The communes near her: those of her zones, in the order of their INSEE codes.
     COLLECT { UNWIND zones AS zone WITH zone WHERE NOT $request.surroundingsKept MATCH (zone)<-[:PART_OF]-(member) RETURN DISTINCT member ORDER BY member.code } AS nearCommunes,
     // The needs by node: a service's needs are known by comparing nodes, which reads nothing.
     COLLECT { MATCH (need:Need) RETURN need ORDER BY need.code } AS allNeeds

// Each need of the route, in route order.
CALL (needCodes) {
  UNWIND needCodes AS needCode
  MATCH (need:Need {code: needCode})
  RETURN collect({ need: need.code, routeOrder: need.routeOrder }) AS needs
}

// Each area in reach the function does not hold under its current version, read from what is known of
// it, with the services written since (the area's log, mark-graph-changed.cypher): of an area the
// function holds under an older version, that version; of the others, the area's digest, its services
// as this query read them for a function that held nothing (area-digests.ts), when it was written under
// the graph's structure of now. The ids written since are null when the log no longer goes back to that
// version, or does not end at the area's version, or a write since named no services: the whole area is
// read again.
CALL (commune, departement, nation, zones) {
  OPTIONAL MATCH (graph:GraphVersion {key: 'graph'})
  // As readAreaVersions (graph-version.ts): a write that named no areas leaves only the graph's version.
  WITH CASE WHEN graph.version = graph.stampedVersion THEN graph.structure ELSE graph.version END AS base
  UNWIND [area IN [commune] + zones + [departement, nation] WHERE area IS NOT NULL | area.level + ':' + area.code] AS area
  WITH base, area, [patch IN $request.patches WHERE patch.area = area | patch.since][0] AS held
  WHERE NOT area IN $request.keptAreas
  OPTIONAL MATCH (digest:AreaDigest {key: area + ' ' + $request.digests.audiences})
  WITH area, held, CASE WHEN held IS NULL AND digest.query = $request.digests.query AND digest.base = base THEN digest END AS digest
  WITH area, coalesce(held, digest.stamp) AS since, digest.rows AS digest
  WHERE since IS NOT NULL
  OPTIONAL MATCH (stamp:AreaVersion {area: area})
  WITH area, since, digest,
       CASE WHEN since = coalesce(stamp.version, '-') THEN []
            WHEN stamp IS NULL OR stamp.logged IS NULL OR stamp.logged <> stamp.version THEN null
            ELSE [i IN range(0, size(stamp.since) - 1) WHERE stamp.since[i] = since | stamp.changed[i..]][0] END AS writes
  WITH area, digest, CASE WHEN writes IS NULL OR '*' IN writes THEN null ELSE reduce(ids = [], write IN writes | ids + split(write, ' ')) END AS written
  RETURN collect([area, written, CASE WHEN written IS NULL THEN null ELSE digest END]) AS patches
}

// The services of each area in reach not kept by the function, once per area, with the needs they
// answer (a route keeps those of its needs), and all the ranking reads: of an area patched, only the
// services written since that serve it still.
CALL (commune, departement, nation, zones, patches, allNeeds) {
  WITH commune, departement, nation, zones, allNeeds, [need IN allNeeds | need.code] AS allNeedCodes
  // Only services SERVE: labels need no check.
  UNWIND [area IN [commune] + zones + [departement, nation] WHERE area IS NOT NULL] AS around
  WITH allNeeds, allNeedCodes, patches, around, around.level + ':' + around.code AS area
  WHERE NOT area IN $request.keptAreas
  WITH allNeeds, allNeedCodes, around, area, [patch IN patches WHERE patch[0] = area | patch[1]][0] AS written
  CALL (around, written) {
    WITH around, written WHERE written IS NULL
    MATCH (around)<-[:SERVES]-(service)
    RETURN service
    UNION
    UNWIND written AS id
    MATCH (service:Service {id: id})
    WHERE EXISTS { (service)-[:SERVES]->(around) }
    RETURN service
  }
  WITH allNeeds, allNeedCodes, area, service
  WHERE service.audience IN $request.audiences
  // One walk over the service's relationships gives its needs, situations, places, hours, capacity and
  // provider: on a service node, each walk reads all of its relationships. Reading a relationship's
  // type costs as much again: only those of the links that do not lead to a need are read.
  WITH allNeeds, allNeedCodes, area, service,
       [(service)-[link:ANSWERS|HANDLES|AT|HAS_SCHEDULE|HAS_CAPACITY|OFFERS]-(other) | [link, other]] AS links
  WITH allNeeds, area, service, links,
       [i IN range(0, size(allNeeds) - 1) WHERE any(link IN links WHERE link[1] = allNeeds[i]) | allNeedCodes[i]] AS answers
  WHERE size(answers) > 0
  WITH area, service, answers, [link IN links WHERE NOT link[1] IN allNeeds | [type(link[0]), link[1]]] AS typed
  WITH area, service, answers,
       head([link IN typed WHERE link[0] = 'OFFERS' | link[1]]) AS actor,
       head([link IN typed WHERE link[0] = 'HAS_CAPACITY' | link[1]]) AS capacity,
       [link IN typed WHERE link[0] = 'HANDLES' | link[1].code] AS situations,
       [link IN typed WHERE link[0] = 'AT' | link[1]] AS locations,
       head([link IN typed WHERE link[0] = 'HAS_SCHEDULE' | link[1]]) AS schedule
  // A service is a row of values in the order areaServiceOfRow (route-query-answer.ts) reads them, not a
  // map: the driver would decode every key of every map of every service, a sixth of the handler's CPU.
  RETURN collect([area, [
    answers,
    // No names: the route's services and actors are fetched with the fields the request selects (graph-nodes.ts).
    service.id, service.kind, service.gender, service.minAge, service.maxAge, service.children,
    service.referralRequired, service.referredBy, service.languages, service.actsTonight, service.unverified,
    toString(service.verifiedAt), situations,
    actor.id,
    reduce(places = [], location IN locations |
      places + CASE WHEN NOT location.confidential THEN [(location)-[:IN_COMMUNE]->(place:Territory) |
        [location.name, place.name, place.code]] ELSE [] END),
    any(location IN locations WHERE location.confidential),
    CASE WHEN schedule IS NULL THEN null ELSE [schedule.openingHours, schedule.description] END,
    CASE WHEN capacity IS NULL THEN null ELSE [capacity.placesTotal, capacity.placesFree, toString(capacity.updatedAt)] END
  ]]) AS candidates
}

// The services out of reach, left out as reserved to other communes: looked up lazily, the communes
// of her zones first, then the other communes of her département in the order of their INSEE codes
// (the index on the code gives them in that order); the first $request.outOfReachLookedAt services found are
// read, with all the needs they answer (a route keeps those of its needs), and only what their exclusion
// says. The route never walks the whole département (rank-route.ts lists a few of them per need). The
// same for every route of the commune and audiences: not read when the function holds them.
CALL (commune, departement, nation, zones, nearCommunes, allNeeds) {
  CALL (commune, departement, nation, zones, nearCommunes) {
    WITH commune, nearCommunes, [area IN [commune, departement, nation] + zones WHERE area IS NOT NULL | area.code] AS herAreaCodes
    CALL (commune, nearCommunes) {
      UNWIND nearCommunes AS area
      WITH area WHERE area <> commune
      RETURN area
      UNION ALL
      // No prefix, no commune, when they are kept: a filter on the flag alone would come after the index's walk.
      MATCH (area:Territory)
      WHERE area.code STARTS WITH CASE WHEN $request.surroundingsKept THEN null ELSE $request.departement END
        AND area.level = 'COMMUNE' AND area <> commune AND NOT area IN nearCommunes
      RETURN area ORDER BY area.code
    }
    // In the order the graph keeps them: ordering a commune's services would read all of them. Whether
    // one serves her areas is read from the codes it holds (served-area-codes.ts), not from its SERVES:
    // a gendarmerie near a rural commune serves ~45 communes, and most it meets serve her too. A service
    // written before the codes were stored, in a graph not prepared since, is read the former way.
    MATCH (area)<-[:SERVES]-(service)
    WHERE service.audience IN $request.audiences
      AND none(code IN coalesce(service.servedAreaCodes, [(service)-[:SERVES]->(served) | served.code]) WHERE code IN herAreaCodes)
    WITH DISTINCT service
    LIMIT toInteger($request.outOfReachLookedAt) + 1
    RETURN collect(service) AS lookedAt
  }
  CALL (lookedAt, allNeeds) {
    UNWIND range(0, size(lookedAt) - 1) AS lookupOrder
    WITH allNeeds, lookupOrder, lookedAt[lookupOrder] AS service
    WHERE lookupOrder < $request.outOfReachLookedAt
    // One walk over its relationships, whose types are not read (each type read is a db hit): the one
    // link coming in is its actor's offer; of those going out, the needs are its answers, the rest the
    // areas it serves. Three of these are named, the others counted: a gendarmerie serves ~45 communes.
    WITH allNeeds, lookupOrder, service, [(service)-[link:ANSWERS|SERVES|OFFERS]-(other) | [startNode(link) = service, other]] AS links
    WITH lookupOrder, service, links, [link IN links WHERE link[0] AND link[1] IN allNeeds | link[1].code] AS answers,
         [link IN links WHERE link[0] AND NOT link[1] IN allNeeds | link[1]] AS served
    WHERE size(answers) > 0
    // Values in the order outOfReachOfRow (route-query-answer.ts) reads them.
    RETURN collect([
      answers,
      service.id,
      head([link IN links WHERE NOT link[0] | link[1].id]),
      [area IN served[..3] | area.name],
      size(served),
      lookupOrder
    ]) AS outOfReach
  }
  RETURN size(lookedAt) > $request.outOfReachLookedAt AS outOfReachCut, outOfReach
}

// The answer: a first record with the needs, the areas, the services of other communes and the emergency
// numbers, then one record per service of an area read. A single record holding them all is one Bolt message over
// many chunks, and the driver decodes each of its strings through all of them: at France density
// (~900 candidates) running and reading this query cost the function 28 ms of CPU, against 16 ms as
// small records.
WITH needs, candidates, outOfReach, outOfReachCut, patches,
       // The areas in reach, nearest first, and the communes near her: what a route makes of the areas' services.
       [area IN [commune] + zones + [departement, nation] WHERE area IS NOT NULL | area.level + ':' + area.code] AS areas,
       [near IN nearCommunes | near.code] AS nearCommunes,
       COLLECT {
         UNWIND $request.emergencyNumbers AS number
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
UNWIND [null] + candidates AS candidate
WITH candidate,
     CASE WHEN candidate IS NULL THEN {needs: needs, outOfReach: outOfReach, outOfReachCut: outOfReachCut, emergency: emergency, areas: areas,
                                      nearCommunes: nearCommunes, patches: patches} END AS head
RETURN head.needs AS needs, head.outOfReach AS outOfReach, head.outOfReachCut AS outOfReachCut, head.emergency AS emergency,
       head.areas AS areas, head.nearCommunes AS nearCommunes, head.patches AS patches, candidate[0] AS area, candidate[1] AS candidate
