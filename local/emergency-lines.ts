/**
 * The emergency lines shipped with the route function (generated/emergency-lines.ts), so that a route
 * in danger still gives the numbers when Neo4j is unreachable. Read from seed/ as the route query
 * (functions/routes/referral-route.cypher, `emergency`) reads them from the graph: for each number, the
 * first national service, by id, with a PHONE or SMS contact of that value, labelled with the name of
 * the actor that offers it; the source is the contact's source ref, as functions/graph/load-dataset.ts
 * writes it. tests/emergency-lines.test.ts checks that both give the same rows.
 */
import { readDataset } from "../functions/formats/parcours/read-dataset";
import { NATIONAL } from "../functions/domain/territories";
import type { Contact } from "../functions/domain/dataset-schema";
import type { EmergencyRow } from "../functions/routes/rank-route";
import { childEmergencyNumber, emergencyNumbers } from "../functions/routes/emergency-numbers";
import { readSeedFiles } from "./seed-files";

export async function emergencyLinesOfSeed(seedDir?: string): Promise<EmergencyRow[]> {
  const result = readDataset((await readSeedFiles(seedDir)).dataset);
  if (!result.ok) throw new Error(`seed/ is invalid (\`npm run seed:check\` lists why): ${result.problems.length} problem(s)`);
  const refs = new Map(result.dataset.flatMap((file) => file.sources).map((source) => [source.id, source.ref]));
  const nationalServices = result.dataset
    .flatMap((file) => file.actors)
    .flatMap((actor) => actor.services.map((service) => ({ actor, service })))
    .filter(({ service }) => service.area.includes(NATIONAL))
    .sort((a, b) => (a.service.id < b.service.id ? -1 : a.service.id > b.service.id ? 1 : 0));
  return [...emergencyNumbers, childEmergencyNumber].map((number) => {
    const line = nationalServices
      .flatMap(({ actor, service }) => service.contacts.filter(isDialled).map((contact) => ({ actor, service, contact })))
      .find(({ contact }) => contact.value === number);
    if (!line) throw new Error(`seed/ has no national service with a PHONE or SMS contact ${number}: a route in danger must give it`);
    const { actor, service, contact } = line;
    return {
      number,
      label: actor.name,
      channel: contact.channel,
      source: refs.get(contact.source)!,
      schedule: service.schedule && { openingHours: service.schedule.openingHours, description: service.schedule.description ?? null },
    };
  });
}

const isDialled = (contact: Contact): contact is Contact & { channel: EmergencyRow["channel"] } => contact.channel === "PHONE" || contact.channel === "SMS";
