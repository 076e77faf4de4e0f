/** The digests routes keep in the graph (functions/routes/area-digests.ts), their rows unpacked. */
import { unpackedRows } from "../../functions/routes/digest-rows";
import { cypher } from "./graph";

export interface DigestInGraph {
  key: string;
  area: string | null;
  rows: unknown[][] | Record<string, unknown>;
  /** Every property, the rows as JSON: what a search for a string in the digest reads. */
  text: string;
  relations: number;
}

export async function digestsInGraph(labels = "AreaDigest|SurroundingsDigest"): Promise<DigestInGraph[]> {
  const digests = await cypher<{ properties: Record<string, unknown> & { key: string; area?: string; rows: Int8Array }; relations: number }>(
    `MATCH (digest:${labels}) RETURN properties(digest) AS properties, COUNT { (digest)--() } AS relations`,
  );
  return digests.map(({ properties, relations }) => {
    const rows = unpackedRows<DigestInGraph["rows"]>(properties.rows);
    return { key: properties.key, area: properties.area ?? null, rows, text: JSON.stringify({ ...properties, rows }), relations };
  });
}
