/** updatePlacesFree: the one write a SHELTER_OPERATOR makes, validated, authorised and audited in one transaction. */
import type { Driver } from "neo4j-driver";
import { z } from "zod";
import { placesFreeTargetCypher, setPlacesFreeCypher } from "../../generated/cypher";
import type { PlacesFreeInput, PlacesFreeUpdate } from "../../generated/graphql";
import type { Caller } from "../auth/caller";
import { writeAuditRecord } from "../audit/audit-trail";
import { markGraphChanged } from "../graph/graph-version";
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
 * writing and before committing, so that the answer can say it was not saved. A commit already sent
 * may land, though: it is awaited within the request's limit rather than denied — its own answer is
 * then the operator's, and only if it has none by then does the operator learn that the update may
 * have been saved (sending the same number again is safe: it sets the same count).
 */
export async function updatePlacesFree(driver: Driver, input: PlacesFreeInput, caller: Caller, transaction: { timeout: number }): Promise<PlacesFreeUpdate> {
  const parsed = placesFreeInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidRecords(parsed.error.issues.map((issue) => ({ record: "input", field: issue.path.join("."), reason: issue.message })));
  }
  const { serviceId, placesFree } = parsed.data;
  let givenUp = false;
  // Whether a commit awaits its answer (a failed one is retried from the start), and whether one was
  // ever sent: the update may then be in the graph whatever the driver reports.
  let committing = false;
  let commitSent = false;
  const session = driver.session();
  const write = session
    .executeWrite(async (tx) => {
      committing = false;
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
      await markGraphChanged(tx, { services: [serviceId] });
      if (givenUp) throw new GraphUnavailable("given up before committing");
      committing = commitSent = true;
      return { serviceId, placesFree, updatedAt, auditId };
    }, graphRecovering() ? { timeout: recoveringLimitMs } : transaction)
    .finally(() => session.close());
  let limit = recoveringLimitMs;
  const beforeCommit = withinLimit(write, recoveringLimitMs, () => graphRecovering() && !committing);
  const withinRequest = withinLimit(beforeCommit, transaction.timeout, () => {
    limit = transaction.timeout;
    return graphRecovering();
  });
  const update = await withinRequest.catch((error: unknown) => {
    throw isTransactionTimeout(error) && graphRecovering() ? unanswered(recoveringLimitMs, commitSent) : error;
  });
  if (update === tooLate) {
    givenUp = true;
    throw unanswered(limit, commitSent);
  }
  return update;
}

function unanswered(limit: number, maybeSaved: boolean): GraphUnavailable {
  const outcome = maybeSaved ? "the update may have been saved; sending the same number again is safe" : "the update was not saved; send it again in a minute";
  return new GraphUnavailable(`The graph database, recovering from an outage, did not answer within ${limit} ms: ${outcome}. In danger: 17, 112, 114 (SMS), 3919.`, {
    limit,
    maybeSaved,
  });
}
