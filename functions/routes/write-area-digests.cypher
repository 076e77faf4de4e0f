// Keeps the services of areas a function read whole, as the route query's rows, for the functions that
// hold none of them (referral-route.cypher reads them back): under the graph's structure and the area's
// own version read before them, from which the area's log names the services written since. Any
// function's digest will do, the last one's is kept: each is patched from its own version.
// $digests: [{key, area, base, stamp, rows}], in the order of their keys (two writes never wait crosswise).
UNWIND $digests AS written
MERGE (digest:AreaDigest {key: written.key})
SET digest.area = written.area, digest.base = written.base, digest.stamp = written.stamp, digest.rows = written.rows
