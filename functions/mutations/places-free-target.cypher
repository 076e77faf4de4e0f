// The housing service whose free places change, who offers it, and its capacity as it is now.
MATCH (service:Service {id: $serviceId})
OPTIONAL MATCH (service)-[:HAS_CAPACITY]->(capacity:Capacity)
RETURN service.kind AS kind,
       [(provider:Actor)-[:OFFERS]->(service) | provider {.id, .departement}] AS providers,
       capacity.id AS capacityId,
       capacity.placesFree AS placesFree,
       toString(capacity.updatedAt) AS updatedAt
