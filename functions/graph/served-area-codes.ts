/**
 * Each service holds the codes of the areas it serves (`servedAreaCodes`), written with its SERVES
 * relationships (load-statements.ts): a route tells a service of another commune from one in her reach
 * by that one property, where walking the relationships of a gendarmerie serving 45 communes cost the
 * first route of a rural commune most of its db hits. Services written before it was stored are given
 * theirs here, when the graph is prepared as for a new index.
 */
import type { Driver } from "neo4j-driver";

const BATCH = 10_000;

/** Sets the codes the services lack, in batches; returns how many services were given theirs (none, once done). */
export async function setMissingServedAreaCodes(driver: Driver): Promise<number> {
  let set = 0;
  for (;;) {
    const { records } = await driver.executeQuery(`
      MATCH (service:Service) WHERE service.servedAreaCodes IS NULL
      WITH service LIMIT ${BATCH}
      SET service.servedAreaCodes = COLLECT { MATCH (service)-[:SERVES]->(area) RETURN area.code }
      RETURN count(service) AS set`);
    const count = records[0]!.get("set") as number;
    set += count;
    if (count < BATCH) return set;
  }
}
