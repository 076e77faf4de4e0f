// The graph's version (graph-version.ts): one node, found by its key's constraint.
MATCH (graph:GraphVersion {key: 'graph'})
RETURN graph.version AS version
