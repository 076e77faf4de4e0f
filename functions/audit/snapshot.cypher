// The nodes a dataset write may change, with the parts it owns (contacts, schedule, capacity) and
// the relations it holds, so that an audit record can say what was before and what is after, and an
// import which records it changed (a part names its owner).
CALL () {
  MATCH (n:Actor) WHERE n.id IN $actors RETURN n
  UNION MATCH (n:Service) WHERE n.id IN $services RETURN n
  UNION MATCH (n:Location) WHERE n.id IN $locations RETURN n
  UNION MATCH (n:Source) WHERE n.id IN $sources RETURN n
  UNION MATCH (n:Convention) WHERE n.id IN $conventions RETURN n
}
CALL (n) {
  OPTIONAL MATCH (n)-[r]->(target)
  WHERE NOT type(r) IN ['HAS_CONTACT', 'HAS_SCHEDULE', 'HAS_CAPACITY']
  RETURN collect(type(r) + ' ' + coalesce(target.id, target.code)) AS relations
}
CALL (n) {
  OPTIONAL MATCH (n)-[:HAS_CONTACT|HAS_SCHEDULE|HAS_CAPACITY]->(part)
  RETURN collect(part) AS parts
}
WITH [{node: n, relations: relations, owner: null}] + [part IN parts | {node: part, relations: null, owner: n.id}] AS entries
// UNION gives each node once, and a part has one owner: every entry is distinct, no need to compare
// the rows' property maps (a large import's snapshot holds hundreds of thousands).
UNWIND entries AS entry
RETURN entry.node.id AS id, labels(entry.node)[0] AS label, properties(entry.node) AS properties, entry.relations AS relations, entry.owner AS owner
