// Gives the graph a new version, at the end of a transaction that writes records (graph-version.ts),
// and a new one to each area it touched (areas-touched.cypher). Random, so that a graph emptied and
// loaded again never comes back to a version already seen. The areas are locked in the order of their
// keys, then the graph: two writes never wait for each other crosswise.
// $areas: the areas touched, sorted; $structure: whether territories, zones' members, needs or
// situations may have changed, or too many areas to name: every area's kept reads are let go.
CALL () {
  UNWIND $areas AS area
  MERGE (stamp:AreaVersion {area: area})
  SET stamp.version = randomUUID()
}
MERGE (graph:GraphVersion {key: 'graph'})
// A write that gave the graph a new version without naming its areas (an older function, a script:
// README, Referral routes) left areas kept under versions it did not change: let them all go now.
WITH graph, $structure OR graph.stampedVersion IS NULL OR graph.stampedVersion <> graph.version AS everything
SET graph.version = randomUUID(),
    graph.structure = CASE WHEN everything THEN randomUUID() ELSE graph.structure END
SET graph.stampedVersion = graph.version
