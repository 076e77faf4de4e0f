// Free places as the operator states them today (Europe/Paris).
MATCH (:Service {id: $serviceId})-[:HAS_CAPACITY]->(capacity:Capacity)
SET capacity.placesFree = $placesFree, capacity.updatedAt = date({timezone: 'Europe/Paris'})
RETURN capacity.id AS capacityId, toString(capacity.updatedAt) AS updatedAt
