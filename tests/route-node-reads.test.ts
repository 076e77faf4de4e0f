/**
 * A route's services and actors are read with the Cypher @neo4j/graphql wrote for the same selection
 * and the same caller, kept once two translations agreed (functions/routes/route-node-reads.ts): the
 * answers stay those of a fresh translation, and what one caller may read never reaches another.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, writeConfidentialFixture } from "./support/confidential-fixture";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

interface NodesOfRoute {
  referralRoute: {
    steps: { service: { id: string; contacts: { value: string }[] }; actor: { id: string; name: string; contacts: { value: string }[] } }[];
    excluded: { service: { id: string } }[];
  };
}

const routeQuery = `query ($input: RouteRequest!, $contactsPerActor: Int) {
  referralRoute(input: $input) {
    steps { service { id contacts { value } } actor { id name contacts(limit: $contactsPerActor) { value } } }
    excluded { service { id } }
  }
}`;

const nanterreTonight = { commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: "2026-11-24T23:00:00+01:00", maxOptionsPerNeed: 10 };
/** Routes whose services differ, so that each read of the same selection has other ids. */
const routes = [
  nanterreTonight,
  { ...nanterreTonight, commune: "92012", situations: ["SEXUAL_VIOLENCE"], urgency: "URGENT", at: "2026-11-25T10:15:00+01:00" },
  { ...nanterreTonight, commune: "92040", situations: ["HARASSMENT"], urgency: "PLANNED", at: "2026-11-26T14:15:00+01:00" },
  { ...nanterreTonight, commune: "92073", situations: ["CHILD_EXPOSURE"], urgency: "URGENT", at: "2026-11-28T09:15:00+01:00" },
];

let frontline: string;

beforeAll(async () => {
  frontline = await tokenFor("FRONTLINE");
  await writeConfidentialFixture();
});

async function route(input: object, token?: string, contactsPerActor?: number): Promise<NodesOfRoute["referralRoute"]> {
  const response = await graphql<NodesOfRoute>(routeQuery, { input, contactsPerActor }, token);
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.referralRoute;
}

const serviceIdsOf = (answer: NodesOfRoute["referralRoute"]) => answer.steps.map((step) => step.service.id).join(",");
const contactsOf = (answer: NodesOfRoute["referralRoute"], actorId: string) => answer.steps.find((step) => step.actor.id === actorId)?.actor.contacts.map((c) => c.value).sort();

describe("a route's nodes", () => {
  it("are the same when read with a kept statement as when @neo4j/graphql translated their selection", async () => {
    const translated = [];
    for (const input of routes) translated.push(await route(input, frontline));
    const kept = [];
    for (const input of routes) kept.push(await route(input, frontline));

    expect(new Set(translated.map(serviceIdsOf)).size).toBe(routes.length);
    expect(kept).toEqual(translated);
    expect(translated[0]!.steps.some((step) => step.service.id === fixture.serviceId)).toBe(true);
  });

  it("of one caller never reach another: a public caller after a professional gets no referral-only channel", async () => {
    for (const input of routes) await route(input, frontline);
    const professional = await route(nanterreTonight, frontline);
    const anonymous = await route(nanterreTonight);

    expect(contactsOf(professional, fixture.actorId)).toEqual([fixture.publicPhone, fixture.referralPhone]);
    expect(contactsOf(anonymous, fixture.actorId)).toEqual([fixture.publicPhone]);
    expect(JSON.stringify(anonymous)).not.toContain(fixture.referralPhone);
  });

  it("follow the request's own variables in their selection", async () => {
    for (const input of routes) await route(input, frontline, 1);
    const one = await route(nanterreTonight, frontline, 1);
    const two = await route(nanterreTonight, frontline, 2);

    expect(contactsOf(one, fixture.actorId)).toHaveLength(1);
    expect(contactsOf(two, fixture.actorId)).toEqual([fixture.publicPhone, fixture.referralPhone]);
  });
});
