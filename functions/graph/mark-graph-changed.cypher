// Gives the graph a new version, at the end of a transaction that writes records (graph-version.ts):
// a random one, so that a graph emptied and loaded again never comes back to a version already seen.
MERGE (graph:GraphVersion {key: 'graph'})
SET graph.version = randomUUID()
