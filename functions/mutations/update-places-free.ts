/** updatePlacesFree: the one write a SHELTER_OPERATOR makes, validated, authorised and audited in one transaction. */
import type { Driver } from "neo4j-driver";
import { z } from "zod";
import { placesFreeTargetCypher, setPlacesFreeCypher } from "../../generated/cypher";
import type { PlacesFreeInput, PlacesFreeUpdate } from "../../generated/graphql";
import type { Caller } from "../auth/caller";
import { writeAuditRecord } from "../audit/audit-trail";
import { assertMayUpdatePlacesFree } from "../auth/authorization";
import { GraphUnavailable, InvalidRecords } from "../errors";
import { isTransactionTimeout } from "../graph/graph-unreachable";
import { graphRecovering, recoveringLimitMs } from "../graph/outage-breaker";
import { tooLate, withinLimit } from "../graph/within-limit";

export const placesFreeInputSchema = z.strictObject({
  serviceId: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a service id such as lescale-hebergement"),
  placesFree: z.number().int().min(0, "must not be negative").max(10_000, "must be at most 10000"),
});

/**
 * `transaction`: the request's time limit (GraphQLContext). While the graph recovers, the operator is
 * answered SERVICE_UNAVAILABLE after recoveringLimitMs, and the write, once given up, stops before
 * writing and before committing: it is in the graph only if acknowledged, save for a commit already
 * on its way at that moment — sending the same number again is safe.
 */
export async function updatePlacesFree(driver: Driver, input: PlacesFreeInput, caller: Caller, transaction: { timeout: number }): Promise<PlacesFreeUpdate> {
  const parsed = placesFreeInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidRecords(parsed.error.issues.map((issue) => ({ record: "input", field: issue.path.join("."), reason: issue.message })));
  }
  const { serviceId, placesFree } = parsed.data;
  let givenUp = false;
  const session = driver.session();
  const write = session
    .executeWrite(async (tx) => {
      if (givenUp) throw new GraphUnavailable("given up before writing");
      const target = (await tx.run(placesFreeTargetCypher, { serviceId })).records[0]?.toObject();
      if (!target) throw new InvalidRecords([{ record: "input", field: "serviceId", reason: `unknown service "${serviceId}"` }]);
      assertMayUpdatePlacesFree(caller, { serviceId, providers: target.providers });
      if (target.kind !== "HOUSING_PLACES") throw new InvalidRecords([{ record: "input", field: "serviceId", reason: `${serviceId} is not a housing service (kind HOUSING_PLACES)` }]);
      if (target.capacityId === null) throw new InvalidRecords([{ record: "input", field: "serviceId", reason: `${serviceId} has no capacity record yet: a coordinator declares it with saveDataset` }]);

      const updated = (await tx.run(setPlacesFreeCypher, { serviceId, placesFree })).records[0]!;
      const updatedAt = updated.get("updatedAt") as string;
      const changes = [
        { property: "placesFree", before: target.placesFree, after: placesFree },
        { property: "updatedAt", before: target.updatedAt, after: updatedAt },
      ]
        .filter((change) => change.before !== change.after)
        .map((change) => ({ node: target.capacityId as string, label: "Capacity", ...change }));
      const departements = new Set<string | null>(target.providers.map((p: { departement: string | null }) => p.departement));
      const [departement = null] = departements.size === 1 ? departements : [];
      const auditId = await writeAuditRecord(tx, { caller, operation: "updatePlacesFree", departement, changes });
      if (givenUp) throw new GraphUnavailable("given up before committing");
      return { serviceId, placesFree, updatedAt, auditId };
    }, graphRecovering() ? { timeout: recoveringLimitMs } : transaction)
    .finally(() => session.close());
  const tooSlow = () =>
    new GraphUnavailable(
      `The graph database, recovering from an outage, did not answer within ${recoveringLimitMs} ms: the update may not have been saved; sending it again is safe. In danger: 17, 112, 114 (SMS), 3919.`,
      { limit: recoveringLimitMs },
    );
  const update = await withinLimit(write, recoveringLimitMs, graphRecovering).catch((error: unknown) => {
    throw isTransactionTimeout(error) && graphRecovering() ? tooSlow() : error;
  });
  if (update === tooLate) {
    givenUp = true;
    throw tooSlow();
  }
  return update;
}
