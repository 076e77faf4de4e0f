/**
 * `markVerified`: a coordinator has checked a fact (by call, e-mail, visit or on a page). Its
 * verifiedAt becomes today and unverified false, in the same transaction as the AuditRecord that
 * says who (token subject), when and how. A COORDINATOR marks the facts of its own département
 * only; a fact shared with another département or national is an ADMIN's.
 */
import { DateTime } from "luxon";
import type { Driver } from "neo4j-driver";
import { factDepartementsCypher } from "../../generated/cypher";
import type { Caller } from "../auth/caller";
import { writeAuditRecord } from "../audit/audit-trail";
import { markGraphChanged, type GraphChange } from "../graph/graph-version";
import { factLabelValues } from "../../generated/enums";
import type { FactLabel, MarkVerifiedInput } from "../../generated/graphql";
import { BadUserInput, Forbidden } from "../errors";


export async function markVerified(driver: Driver, input: MarkVerifiedInput, caller: Caller) {
  // The label is one of a fixed list (the GraphQL enum), so it can be written into the statement.
  if (!factLabelValues.includes(input.label)) throw badInput("label", `must be one of ${factLabelValues.join(", ")}`);
  const today = DateTime.now().setZone("Europe/Paris").toISODate()!;
  const session = driver.session();
  try {
    return await session.executeWrite(async (tx) => {
      const fact = (await tx.run(factDepartementsCypher, { label: input.label, id: input.id })).records[0]?.toObject();
      if (!fact) throw badInput("id", `no ${input.label} has the id "${input.id}"`);
      const departements = [...new Set(fact.departements as (string | null)[])];
      if (caller.role !== "ADMIN" && !(caller.role === "COORDINATOR" && departements.length > 0 && departements.every((d) => d === caller.departement))) {
        throw new Forbidden(`a COORDINATOR of ${caller.departement} marks the facts of its département only, not ${input.label} ${input.id}`);
      }
      await tx.run(`MATCH (n:${input.label} {id: $id}) SET n.verifiedAt = date($today), n.unverified = false`, { id: input.id, today });
      const node = { node: input.id, label: input.label };
      const changes = [
        { ...node, property: "verifiedAt", before: fact.verifiedAt, after: today },
        { ...node, property: "unverified", before: fact.unverified, after: false },
        // How the fact was checked: recorded in the audit trail only, not on the node.
        { ...node, property: "verificationMethod", before: null, after: input.method },
      ];
      const departement = departements.length === 1 ? departements[0]! : null;
      const auditId = await writeAuditRecord(tx, { caller, operation: "markVerified", departement, changes });
      await markGraphChanged(tx, changeOfFact(input.label, input.id));
      return { label: input.label, id: input.id, verifiedAt: today, method: input.method, auditId };
    });
  } finally {
    await session.close();
  }
}

/** The records whose reads a route keeps that a fact's verification changes (a source's or convention's: none). */
function changeOfFact(label: FactLabel, id: string): GraphChange {
  switch (label) {
    case "Service":
      return { services: [id] };
    case "Actor":
      return { actors: [id] };
    case "Location":
      return { locations: [id] };
    case "Schedule":
    case "Capacity":
    case "ContactPoint":
      return { parts: [id] };
    case "Convention":
    case "Source":
      return {};
  }
}

function badInput(field: string, reason: string): BadUserInput {
  return new BadUserInput(`Invalid verification: input.${field} ${reason}.`, { field: `input.${field}`, reason });
}
