// Constraints and indexes Parcours relies on; every statement is idempotent.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_id IF NOT EXISTS FOR (n:Service) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT location_id IF NOT EXISTS FOR (n:Location) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT contact_id IF NOT EXISTS FOR (n:ContactPoint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT schedule_id IF NOT EXISTS FOR (n:Schedule) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT capacity_id IF NOT EXISTS FOR (n:Capacity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT convention_id IF NOT EXISTS FOR (n:Convention) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT territory_code IF NOT EXISTS FOR (n:Territory) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT situation_code IF NOT EXISTS FOR (n:Situation) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT need_code IF NOT EXISTS FOR (n:Need) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE INDEX territory_name IF NOT EXISTS FOR (n:Territory) ON (n.searchName);
CREATE INDEX contact_value IF NOT EXISTS FOR (n:ContactPoint) ON (n.value);
// The probable-duplicate check finds an actor by département or registry number (functions/imports/probable-duplicates.ts).
CREATE INDEX actor_departement IF NOT EXISTS FOR (n:Actor) ON (n.departement);
CREATE INDEX actor_siret IF NOT EXISTS FOR (n:Actor) ON (n.siret);
CREATE INDEX actor_rna IF NOT EXISTS FOR (n:Actor) ON (n.rna);
// A write naming a source finds the records that cite it (functions/graph/existing-records.cypher).
CREATE INDEX actor_source IF NOT EXISTS FOR (n:Actor) ON (n.source);
CREATE INDEX service_source IF NOT EXISTS FOR (n:Service) ON (n.source);
// A read of services of one kind (`services(where: { kind: … })`, its connection's count) starts from it,
// not from every service: 2 837 housing services of 118 857 at France scale.
CREATE INDEX service_kind IF NOT EXISTS FOR (n:Service) ON (n.kind);
// An HSDS file names records by the id Parcours' export gives them (functions/imports/hsds-id-index.ts).
CREATE INDEX actor_published_hsds_id IF NOT EXISTS FOR (n:Actor) ON (n.publishedHsdsId);
CREATE INDEX service_published_hsds_id IF NOT EXISTS FOR (n:Service) ON (n.publishedHsdsId);
CREATE INDEX location_published_hsds_id IF NOT EXISTS FOR (n:Location) ON (n.publishedHsdsId);
// standard-folding: lower case and accents removed, so "flora tristan" finds "Centre Flora Tristan".
CREATE FULLTEXT INDEX parcours_search IF NOT EXISTS FOR (n:Actor|Service) ON EACH [n.name, n.aliasesText, n.description]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
CREATE CONSTRAINT demand_count_key IF NOT EXISTS FOR (n:DemandCount) REQUIRE n.key IS UNIQUE;
// The one node whose version every write of the records changes: routes keep their reads under it (functions/graph/graph-version.ts).
CREATE CONSTRAINT graph_version_key IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.key IS UNIQUE;
// The version of each area a write touched: routes keep an area's reads under it (functions/graph/graph-version.ts).
CREATE CONSTRAINT area_version_area IF NOT EXISTS FOR (n:AreaVersion) REQUIRE n.area IS UNIQUE;
// An area's services as the route query reads them, by area, query and audiences (functions/routes/area-digests.ts).
CREATE CONSTRAINT area_digest_key IF NOT EXISTS FOR (n:AreaDigest) REQUIRE n.key IS UNIQUE;
// What surrounds a commune as the route query reads it, by commune, query and audiences (functions/routes/area-digests.ts).
CREATE CONSTRAINT surroundings_digest_key IF NOT EXISTS FOR (n:SurroundingsDigest) REQUIRE n.key IS UNIQUE;
