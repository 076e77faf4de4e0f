// The areas whose kept reads a write of these records may change (graph-version.ts), as 'LEVEL:code',
// each with the ids of the services in it the write may have changed, or null when it may have changed
// what the area reads otherwise:
// - those served by the services it writes, by the services at the locations it writes and by the
//   owners of the parts (schedule, capacity, contact) it writes, with those services: an area's
//   services are read with their places, hours, capacity and eligibility;
// - for a served commune, 'AROUND:' its département and 'NEAR:' each zone it is in: a route reads the
//   services of the communes of her département and of her zones for their exclusion;
// - for a zone it writes, 'NEAR:' the zone and 'AROUND:' the départements of its communes: who is near
//   whom;
// - 'NATIONAL:FR' for an actor it writes that offers a national line: the emergency block names it.
// Run before the write and after it, so that an area a service stops serving is named too.
// $change: {services, actors, locations, parts, zones}, ids and codes.
CALL () {
  MATCH (service:Service) WHERE service.id IN $change.services RETURN service
  UNION
  MATCH (service:Service)-[:AT]->(location:Location) WHERE location.id IN $change.locations RETURN service
  UNION
  MATCH (service:Service)-[:HAS_SCHEDULE]->(part:Schedule) WHERE part.id IN $change.parts RETURN service
  UNION
  MATCH (service:Service)-[:HAS_CAPACITY]->(part:Capacity) WHERE part.id IN $change.parts RETURN service
  UNION
  MATCH (service:Service)-[:HAS_CONTACT]->(part:ContactPoint) WHERE part.id IN $change.parts RETURN service
}
MATCH (service)-[:SERVES]->(area:Territory)
WITH area, collect(service.id) AS services
WITH area, services, CASE WHEN area.level = 'COMMUNE' THEN
       ['AROUND:' + CASE WHEN area.code STARTS WITH '97' THEN left(area.code, 3) ELSE left(area.code, 2) END] +
       [(area)-[:PART_OF]->(zone:Territory {level: 'ZONE'}) | 'NEAR:' + zone.code]
     ELSE [] END AS surroundings
UNWIND [[area.level + ':' + area.code, services]] + [around IN surroundings | [around, null]] AS touched
RETURN touched[0] AS area, touched[1] AS services
UNION
MATCH (zone:Territory {level: 'ZONE'}) WHERE zone.code IN $change.zones
OPTIONAL MATCH (member:Territory)-[:PART_OF]->(zone)
UNWIND ['NEAR:' + zone.code] + CASE WHEN member IS NULL THEN [] ELSE
       ['AROUND:' + CASE WHEN member.code STARTS WITH '97' THEN left(member.code, 3) ELSE left(member.code, 2) END] END AS area
RETURN DISTINCT area, null AS services
UNION
MATCH (actor:Actor)-[:OFFERS]->(:Service)-[:SERVES]->(:Territory {level: 'NATIONAL'})
WHERE actor.id IN $change.actors
RETURN DISTINCT 'NATIONAL:FR' AS area, null AS services
