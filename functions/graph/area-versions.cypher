// The versions a route's kept reads depend on (graph-version.ts), before it reads anything else: the
// graph's, whether every write since the last one that named its areas did, the version of what may
// have changed anywhere (`structure`), and those of the areas of the commune: itself, her zones, her
// département and France (their services), 'NEAR:' her zones and 'AROUND:' her département (the
// communes near her and the services of other communes). An area no write has touched has none.
// With them, when the function holds nothing of what surrounds the commune, the digest of it the last
// function to read it wrote (functions/routes/area-digests.ts), by $surroundingsDigest, its key (or null).
OPTIONAL MATCH (graph:GraphVersion {key: 'graph'})
OPTIONAL MATCH (commune:Territory {code: $communeCode, level: 'COMMUNE'})
WITH graph, commune, [(commune)-[:PART_OF]->(zone:Territory {level: 'ZONE'}) | zone.code] AS zones
WITH graph, [area IN ['COMMUNE:' + commune.code] WHERE area IS NOT NULL] + [zone IN zones | 'ZONE:' + zone] +
       ['DEPARTEMENT:' + $departement, 'NATIONAL:FR'] AS served,
     [zone IN zones | 'NEAR:' + zone] + ['AROUND:' + $departement] AS surroundings
RETURN graph.version AS version, graph.version = graph.stampedVersion AS stamped, graph.structure AS structure,
       [area IN served + surroundings | [area, COLLECT { MATCH (stamp:AreaVersion {area: area}) RETURN stamp.version }[0]]] AS stamps,
       served, surroundings,
       COLLECT { MATCH (digest:SurroundingsDigest {key: $surroundingsDigest}) RETURN digest { .version, .rows, .query } }[0] AS surroundingsDigest
