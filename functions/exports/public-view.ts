/**
 * The graph records as a PUBLIC caller reads them: the public exports (HSDS, CSV) are written from
 * this view, so they show exactly what the API shows without a token. Contacts and locations are
 * read again through the API's own schema and rules (the ContactPoint rule, the address masking),
 * not by a second reading of the graph that could forget one.
 */
import { graphql, type GraphQLSchema } from "graphql";
import { publicCaller } from "../auth/caller";
import type { GraphRecords } from "../graph/dump-dataset";
import { contextOf } from "../api/graphql-context";

type Row = Record<string, unknown>;

const contactFields = "channel value label free referralOnly source verifiedAt unverified";
const publicReading = `query ($actors: [ID!]!, $services: [ID!]!, $locations: [ID!]!) {
  actors(where: { id: { in: $actors } }, limit: 1000) { id contacts(limit: 1000) { ${contactFields} } }
  services(where: { id: { in: $services } }, limit: 1000) { id contacts(limit: 1000) { ${contactFields} } }
  locations(where: { id: { in: $locations } }, limit: 1000) { id address postalCode latitude longitude }
}`;

/** Page size of one reading: the schema's largest page. */
const chunk = 1_000;

export async function publicView(schema: GraphQLSchema, graph: GraphRecords): Promise<GraphRecords> {
  const contacts = new Map<string, Row[]>();
  const locations = new Map<string, Row>();
  const ids = (rows: object[]) => rows.map((r) => (r as Row).id as string);
  const [actorIds, serviceIds, locationIds] = [ids(graph.actors), ids(graph.services), ids(graph.locations)];
  const pages = Math.ceil(Math.max(actorIds.length, serviceIds.length, locationIds.length) / chunk);
  for (let page = 0; page < pages; page++) {
    const slice = (all: string[]) => all.slice(page * chunk, (page + 1) * chunk);
    const result = await graphql({
      schema,
      source: publicReading,
      variableValues: { actors: slice(actorIds), services: slice(serviceIds), locations: slice(locationIds) },
      contextValue: contextOf(publicCaller),
    });
    if (result.errors) throw new Error(`the public reading failed: ${result.errors.map((e) => e.message).join("; ")}`);
    const data = result.data as { actors: Row[]; services: Row[]; locations: Row[] };
    for (const owner of [...data.actors, ...data.services]) contacts.set(owner.id as string, owner.contacts as Row[]);
    for (const location of data.locations) locations.set(location.id as string, location);
  }
  const byChannelAndValue = (a: Row, b: Row) => `${String(a.channel)} ${String(a.value)}`.localeCompare(`${String(b.channel)} ${String(b.value)}`);
  const withPublicContacts = (record: Row) => ({ ...record, contacts: [...(contacts.get(record.id as string) ?? [])].sort(byChannelAndValue) });
  return {
    ...graph,
    actors: graph.actors.map(withPublicContacts),
    services: graph.services.map(({ capacity: _capacity, ...service }) => ({ ...withPublicContacts(service), capacity: null })),
    locations: graph.locations.map((location) => ({ ...location, ...locations.get(location.id as string) })),
  } as GraphRecords;
}
