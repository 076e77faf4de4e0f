/**
 * A partner app's five common tasks, written as a partner would: operations typed by graphql-codegen's
 * client preset from the published SDL (published/schema.graphql → generated/partner-client/, by
 * `npm run codegen`), sent with plain fetch over HTTP to the local server. README's "For partner
 * developers" section shows the same recipe.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/partner-client";
import persistedDocuments from "../generated/partner-client/persisted-documents.json";
import registeredOperations from "../published/operations.json";
import { startLocalApi } from "./support/local-api";
import { tokenFor } from "./support/tokens";

/** The whole client: a typed document in, its typed data out. Public reads go by GET, so caches keep them. */
async function request<Result, Variables>(
  document: { toString(): string; __apiType?: (variables: Variables) => Result },
  variables: Variables,
  { token }: { token?: string } = {},
): Promise<Result> {
  const body = { query: document.toString(), variables };
  const accept = { accept: "application/graphql-response+json, application/json" };
  const response = token
    ? await fetch(endpoint, { method: "POST", headers: { ...accept, "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) })
    : await fetch(`${endpoint}?${new URLSearchParams({ query: body.query, variables: JSON.stringify(variables) })}`, {
        headers: { ...accept, "apollo-require-preflight": "true" },
      });
  const answer = (await response.json()) as { data?: Result; errors?: { message: string }[] };
  if (answer.errors) throw new Error(answer.errors.map((e) => e.message).join("; "));
  return answer.data!;
}

let endpoint: string;
beforeAll(async () => {
  endpoint = await startLocalApi();
});

const WhatServesACommune = graphql(`
  query WhatServesACommune($commune: ID!) {
    territories(where: { code: { eq: $commune } }, limit: 1) {
      name
      servicesInReach {
        name
        kind
        providers { name }
        contacts { value }
        reachableContacts { channel value }
        schedule { openingHours description }
      }
    }
  }
`);

const FindAnActor = graphql(`
  query FindAnActor($text: String!) {
    search(text: $text, limit: 5) { id name kind services { name } }
  }
`);

const NationalLines = graphql(`
  query NationalLines {
    services(where: { area: { some: { level: { eq: NATIONAL } } }, kind: { in: [EMERGENCY_LINE, LISTENING_LINE] } }, sort: [{ name: ASC }]) {
      name
      actsTonight
      contacts { channel value free }
    }
  }
`);

const PlacesAvailable = graphql(`
  query PlacesAvailable {
    services(where: { kind: { eq: HOUSING_PLACES } }) {
      name
      capacity { placesAvailable }
    }
  }
`);

const ReferralRoute = graphql(`
  query ReferralRoute($input: RouteRequest!) {
    referralRoute(input: $input) {
      emergency { number label }
      steps { rank need reasons service { name reachableContacts { channel value } } }
    }
  }
`);

describe("a partner app built on the published schema", () => {
  it("lists what serves a commune, with a way to reach each service", async () => {
    const data = await request(WhatServesACommune, { commune: "92050" });
    const [nanterre] = data.territories;

    expect(nanterre?.name).toBe("Nanterre");
    expect(nanterre!.servicesInReach.length).toBeGreaterThan(20);
    // Many services are reached through their actor: reachableContacts gives a way to more of them than contacts.
    const withOwnContacts = nanterre!.servicesInReach.filter((s) => s.contacts.length > 0);
    const reachable = nanterre!.servicesInReach.filter((s) => s.reachableContacts.length > 0);
    expect(reachable.length).toBeGreaterThan(withOwnContacts.length);
  });

  it("finds an actor by what users type", async () => {
    const data = await request(FindAnActor, { text: "adavip" });

    expect(data.search[0]?.name).toMatch(/ADAVIP/i);
  });

  it("lists the national lines with their numbers", async () => {
    const data = await request(NationalLines, {});
    const numbers = data.services.flatMap((s) => s.contacts.map((c) => c.value));

    expect(numbers).toContain("3919");
  });

  it("says which housing services have free places, without the counts", async () => {
    const data = await request(PlacesAvailable, {});

    expect(data.services.length).toBeGreaterThan(0);
    expect(data.services.every((s) => ["YES", "NO", "UNKNOWN"].includes(s.capacity?.placesAvailable ?? "UNKNOWN"))).toBe(true);
  });

  it("asks a referral route with its PARTNER_APP token", async () => {
    const data = await request(
      ReferralRoute,
      { input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER" } },
      { token: await tokenFor("PARTNER_APP") },
    );

    expect(data.referralRoute.emergency.map((e) => e.number).slice(0, 4)).toEqual(["17", "112", "114", "3919"]);
    expect(data.referralRoute.steps.length).toBeGreaterThan(0);
  });

  it("has its operations registered, so that they run where anonymous callers are limited to registered ones", () => {
    expect(registeredOperations).toMatchObject(persistedDocuments);
  });
});
