/**
 * The load stores on each actor, service and place the id Parcours' HSDS export gives it
 * (`publishedHsdsId`, formats/hsds/terms.ts); records written before it did are given theirs here, when
 * the graph is prepared as for a new index. The UUID is a SHA-1 Cypher cannot compute: it is minted here.
 */
import type { Driver } from "neo4j-driver";
import { publishedHsdsId } from "../formats/hsds/terms";

const BATCH = 10_000;
const labels = [["actor", "Actor"], ["service", "Service"], ["location", "Location"]] as const;

/** Sets the ids the records lack, in batches; returns how many were set (none, once done). */
export async function setMissingPublishedHsdsIds(driver: Driver): Promise<number> {
  let set = 0;
  for (const [kind, label] of labels) {
    for (;;) {
      const { records } = await driver.executeQuery(
        `MATCH (n:${label}) WHERE n.publishedHsdsId IS NULL AND n.id IS NOT NULL RETURN n.id AS id, n.hsdsId AS hsdsId LIMIT ${BATCH}`,
      );
      const rows = records.map((record) => {
        const [id, hsdsId] = [record.get("id") as string, record.get("hsdsId") as string | null];
        return { id, publishedHsdsId: publishedHsdsId(kind, { id, hsdsId }) };
      });
      if (rows.length > 0) await driver.executeQuery(`UNWIND $rows AS row MATCH (n:${label} {id: row.id}) SET n.publishedHsdsId = row.publishedHsdsId`, { rows });
      set += rows.length;
      if (rows.length < BATCH) break;
    }
  }
  return set;
}
