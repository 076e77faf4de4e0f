// Keeps what a function read whole, as the route query's rows, for the functions that hold none of it:
// - an area's services (referral-route.cypher reads them back), under the graph's structure and the
//   area's own version read before them, from which the area's log names the services written since;
// - a commune's surroundings (area-versions.cypher reads them back), under the versions of its areas
//   around her, read before them: used only while they are unchanged.
// Any function's digest will do, the last one's is kept; `query` names the route query's text it was
// read by (area-digests.ts).
// $areas: [{key, query, area, base, stamp, rows}]; $surroundings: [{key, query, version, rows}]; each in the order of
// their keys (two writes never wait crosswise).
CALL () {
  UNWIND $areas AS written
  MERGE (digest:AreaDigest {key: written.key})
  SET digest.query = written.query, digest.area = written.area, digest.base = written.base, digest.stamp = written.stamp, digest.rows = written.rows
}
CALL () {
  UNWIND $surroundings AS written
  MERGE (digest:SurroundingsDigest {key: written.key})
  SET digest.query = written.query, digest.version = written.version, digest.rows = written.rows
}
