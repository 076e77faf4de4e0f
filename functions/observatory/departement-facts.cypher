// The facts of a département that carry verifiedAt: its actors, the services they offer with their
// schedules, capacities and contacts, the actors' contacts, the locations in its communes, the
// conventions they are party to and the sources those cite. Contact values and addresses are not read.
//
// $departement: the département's code
MATCH (actor:Actor {departement: $departement})
WITH collect(actor) AS actors
CALL (actors) {
  UNWIND actors AS actor
  OPTIONAL MATCH (actor)-[:OFFERS]->(service:Service)
  RETURN collect(DISTINCT service) AS services
}
CALL (actors, services) {
  UNWIND actors AS actor
  RETURN {label: 'Actor', id: actor.id, about: actor.name, verifiedAt: actor.verifiedAt, unverified: actor.unverified, source: actor.source} AS fact
  UNION
  UNWIND services AS service
  RETURN {label: 'Service', id: service.id, about: service.name, verifiedAt: service.verifiedAt, unverified: service.unverified, source: service.source} AS fact
  UNION
  UNWIND services AS service
  MATCH (service)-[:HAS_SCHEDULE]->(schedule:Schedule)
  RETURN {label: 'Schedule', id: schedule.id, about: 'Horaires : ' + service.name, verifiedAt: schedule.verifiedAt, unverified: schedule.unverified, source: schedule.source} AS fact
  UNION
  UNWIND services AS service
  MATCH (service)-[:HAS_CAPACITY]->(capacity:Capacity)
  RETURN {label: 'Capacity', id: capacity.id, about: 'Places : ' + service.name, verifiedAt: capacity.verifiedAt, unverified: capacity.unverified, source: capacity.source} AS fact
  UNION
  UNWIND actors + services AS owner
  MATCH (owner)-[:HAS_CONTACT]->(contact:ContactPoint)
  RETURN {label: 'ContactPoint', id: contact.id, about: 'Contact (' + contact.channel + ') : ' + owner.name, verifiedAt: contact.verifiedAt, unverified: contact.unverified, source: contact.source} AS fact
  UNION
  MATCH (location:Location)-[:IN_COMMUNE]->(:Territory)-[:PART_OF]->(:Territory {code: $departement, level: 'DEPARTEMENT'})
  RETURN {label: 'Location', id: location.id, about: location.name, verifiedAt: location.verifiedAt, unverified: location.unverified, source: location.source} AS fact
  UNION
  UNWIND actors AS actor
  MATCH (actor)-[:PARTY_TO]->(convention:Convention)
  RETURN {label: 'Convention', id: convention.id, about: convention.name, verifiedAt: convention.verifiedAt, unverified: convention.unverified, source: convention.source} AS fact
}
WITH collect(fact) AS facts, services
WITH facts, services, [fact IN facts | fact.source] AS cited
WITH facts + COLLECT {
         MATCH (source:Source) WHERE source.ref IN cited
         RETURN {label: 'Source', id: source.id, about: source.title, verifiedAt: source.verifiedAt, unverified: source.unverified, source: source.ref}
       } AS facts,
       [service IN services WHERE NOT EXISTS { (service)-[:HAS_SCHEDULE]->(schedule:Schedule WHERE schedule.openingHours IS NOT NULL) } | service.id] AS servicesWithoutHours,
       [service IN services WHERE service.kind = 'HOUSING_PLACES' AND NOT EXISTS { (service)-[:HAS_CAPACITY]->(capacity:Capacity WHERE capacity.placesTotal IS NOT NULL) } | service.id] AS servicesWithoutCapacity,
       COLLECT {
         MATCH (record:AuditRecord {departement: $departement, operation: 'markVerified'}) WHERE record.at >= datetime($since)
         RETURN record.changes
       } AS verifications
// A first record with the lists, then one record per fact, its date as text: the driver decoded a
// record holding every fact, and each date as an object of Integers, slowly (the Pas-de-Calais'
// ~11 000 facts at France scale: 450–800 ms to read, 320–340 ms so).
UNWIND [null] + facts AS fact
WITH fact, CASE WHEN fact IS NULL THEN {servicesWithoutHours: servicesWithoutHours, servicesWithoutCapacity: servicesWithoutCapacity, verifications: verifications} END AS head
RETURN head.servicesWithoutHours AS servicesWithoutHours, head.servicesWithoutCapacity AS servicesWithoutCapacity, head.verifications AS verifications,
       fact {.*, verifiedAt: toString(fact.verifiedAt)} AS fact
