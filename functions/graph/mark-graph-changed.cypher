// Gives the graph a new version, at the end of a transaction that writes records (graph-version.ts),
// and a new one to each area it touched (areas-touched.cypher). Random, so that a graph emptied and
// loaded again never comes back to a version already seen. The areas are locked in the order of their
// keys, then the graph: two writes never wait for each other crosswise.
// Each area keeps a log of its last $changesKept versions: `since`, the version each write replaced
// ('-' for the first), and `changed`, the ids of the services it named, separated by spaces, or '*'
// when it named none: a function holding the area under one of those versions reads only those
// services again (referral-route.cypher). `logged` is the version the last write of the log set: a log
// that does not end at the area's version missed a write (a function older than the log, during a
// deploy), and starts anew.
// $areas: the areas touched, sorted, as {area, services}; $structure: whether territories, zones'
// members, needs or situations may have changed, or too many areas to name: every area's kept reads
// are let go.
CALL () {
  UNWIND $areas AS touched
  MERGE (stamp:AreaVersion {area: touched.area})
  // Locked before its version is read, so that of two writes of one area the second logs the version the
  // first set (Neo4j's lost updates: a value read before the lock may be one another write replaces).
  SET stamp.locked = true
  WITH stamp, touched.services AS services, coalesce(stamp.version, '-') AS previous,
       coalesce(stamp.logged, '-') = coalesce(stamp.version, '-') AS chained
  SET stamp.version = randomUUID(),
      stamp.since = (CASE WHEN chained THEN coalesce(stamp.since, []) ELSE [] END + previous)[-$changesKept..],
      stamp.changed = (CASE WHEN chained THEN coalesce(stamp.changed, []) ELSE [] END +
        CASE WHEN services IS NULL THEN '*' ELSE substring(reduce(ids = '', id IN services | ids + ' ' + id), 1) END)[-$changesKept..]
  SET stamp.logged = stamp.version
  REMOVE stamp.locked
}
MERGE (graph:GraphVersion {key: 'graph'})
// Locked before it is read, as the areas: a script's write committed meanwhile is seen.
SET graph.locked = true
// A write that gave the graph a new version without naming its areas (an older function, a script:
// README, Referral routes) left areas kept under versions it did not change: let them all go now.
WITH graph, $structure OR graph.stampedVersion IS NULL OR graph.stampedVersion <> graph.version AS everything
SET graph.version = randomUUID(),
    graph.structure = CASE WHEN everything THEN randomUUID() ELSE graph.structure END
SET graph.stampedVersion = graph.version
REMOVE graph.locked
