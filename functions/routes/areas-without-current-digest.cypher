// The areas whose digests route-digests-ahead.ts writes ahead of the routes: France, each département,
// each zone (EPT, EPCI) of communes and each commune served by at least $communeFrom services, for each
// audiences of a route ($audiences, as the digests' keys name them), whose digest is missing, was read
// by another text of the route query than $query, under another structure, or before the area's last
// write. Each with the version its digest is written under (graph-version.ts's partsOf), read before
// the rows; France first, then the départements, the zones, the communes, each in the order of their
// codes. A commune or a zone is read as a route of a commune reads it: with that commune
// (`communeCode`: a zone's first) and the other areas serving her but France (`alsoServed`), named as kept.
OPTIONAL MATCH (graph:GraphVersion {key: 'graph'})
// A graph no write of records has gone through keeps nothing: no digest is read.
WITH graph WHERE graph IS NOT NULL
WITH CASE WHEN graph.version = graph.stampedVersion THEN graph.structure ELSE graph.version END AS base
MATCH (territory:Territory)
WHERE territory.level IN ['NATIONAL', 'DEPARTEMENT', 'ZONE']
   OR (territory.level = 'COMMUNE' AND COUNT { (territory)<-[:SERVES]-() } >= $communeFrom)
WITH base, territory, territory.level + ':' + territory.code AS area
UNWIND $audiences AS audiences
OPTIONAL MATCH (stamp:AreaVersion {area: area})
OPTIONAL MATCH (digest:AreaDigest {key: area + ' ' + audiences})
WITH base, territory, area, audiences, coalesce(stamp.version, '-') AS stamp, digest
WHERE digest IS NULL OR digest.query <> $query OR digest.base <> base OR digest.stamp <> stamp
WITH base, territory, area, audiences, stamp,
     CASE territory.level
       WHEN 'COMMUNE' THEN territory
       WHEN 'ZONE' THEN COLLECT { MATCH (territory)<-[:PART_OF]-(member:Territory {level: 'COMMUNE'}) RETURN member ORDER BY member.code LIMIT 1 }[0]
     END AS commune
// A zone of no commune is in reach of no route.
WHERE territory.level <> 'ZONE' OR commune IS NOT NULL
RETURN territory.level AS level, territory.code AS code, area, audiences, base, stamp, commune.code AS communeCode,
       CASE WHEN commune IS NULL THEN [] ELSE
         [served IN ['COMMUNE:' + commune.code] + [(commune)-[:PART_OF]->(zone:Territory {level: 'ZONE'}) | 'ZONE:' + zone.code] WHERE served <> area]
       END AS alsoServed
ORDER BY CASE territory.level WHEN 'NATIONAL' THEN 0 WHEN 'DEPARTEMENT' THEN 1 WHEN 'ZONE' THEN 2 ELSE 3 END, territory.code, audiences
// France has ~100 départements, ~1 300 zones and a few thousand communes served by that many services,
// for two audiences: what a run leaves, the next one lists.
LIMIT 20000
