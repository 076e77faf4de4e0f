// The areas whose digests route-digests-ahead.ts writes ahead of the routes: France and each
// département, for each audiences of a route ($audiences, as the digests' keys name them), whose digest
// is missing, was read by another text of the route query than $query, under another structure, or before
// the area's last write. Each with the version its digest is written under (graph-version.ts's partsOf),
// read before the rows; France first, then the départements in the order of their codes.
OPTIONAL MATCH (graph:GraphVersion {key: 'graph'})
// A graph no write of records has gone through keeps nothing: no digest is read.
WITH graph WHERE graph IS NOT NULL
WITH CASE WHEN graph.version = graph.stampedVersion THEN graph.structure ELSE graph.version END AS base
MATCH (territory:Territory)
WHERE territory.level IN ['NATIONAL', 'DEPARTEMENT']
WITH base, territory.level AS level, territory.code AS code, territory.level + ':' + territory.code AS area
UNWIND $audiences AS audiences
OPTIONAL MATCH (stamp:AreaVersion {area: area})
OPTIONAL MATCH (digest:AreaDigest {key: area + ' ' + audiences})
WITH level, code, area, audiences, base, coalesce(stamp.version, '-') AS stamp, digest
WHERE digest IS NULL OR digest.query <> $query OR digest.base <> base OR digest.stamp <> stamp
RETURN level, code, area, audiences, base, stamp
ORDER BY level DESC, code, audiences
// Every territory of France is ~100 départements, for two audiences.
LIMIT 1000
