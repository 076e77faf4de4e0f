/** Neo4j credentials, set per stage with `sst secret set <Name> <value> --stage <stage>`. */
export const secrets = {
  neo4jUri: new sst.Secret("Neo4jUri"),
  neo4jUser: new sst.Secret("Neo4jUser"),
  neo4jPassword: new sst.Secret("Neo4jPassword"),
};
