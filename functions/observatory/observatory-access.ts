/**
 * Who reads the observatory: an ADMIN any département, a COORDINATOR its own. The role gate is the
 * @authentication rule on each field (schema/observatory.graphql); the département, an argument,
 * is checked here.
 */
import type { Caller } from "../auth/caller";
import { coveredDepartements } from "../domain/territories";
import { BadUserInput, Forbidden } from "../errors";

export function assertMayObserve(caller: Caller, departement: string): void {
  if (caller.role === "ADMIN") return;
  if (caller.role !== "COORDINATOR" || caller.departement !== departement) {
    const who = `a ${caller.role} caller${caller.departement ? ` of ${caller.departement}` : ""}`;
    throw new Forbidden(`${who} may not read the observatory of ${departement}`);
  }
}

export function assertCoveredDepartement(departement: string): void {
  if (!(coveredDepartements as readonly string[]).includes(departement)) {
    const reason = `must be a département Parcours covers (${coveredDepartements.join(", ")})`;
    throw new BadUserInput(`Invalid argument: departement ${reason}.`, { field: "departement", reason });
  }
}
