/**
 * Anonymous demand: route requests through the real Lambda handler add to counts per day × commune ×
 * situation × need × urgency × covered, and to nothing else; coordinators read them with small
 * counts hidden as "< 5".
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { flushDemandCounts } from "../functions/observatory/demand-counts";
import { flushAreaDigests } from "../functions/routes/area-digests";
import { digestsInGraph } from "./support/digests";
import { cypher } from "./support/graph";
import { graphql } from "./support/http-api";
import { tokenFor } from "./support/tokens";

const routeQuery = `query ($input: RouteRequest!) { referralRoute(input: $input) { communeCode needs uncoveredNeeds { need } } }`;
const communes = ["92050", "92002", "92012", "92025", "69123"];
const situations = [["INTIMATE_PARTNER_VIOLENCE"], ["SEXUAL_VIOLENCE"], ["INTIMATE_PARTNER_VIOLENCE", "CHILD_EXPOSURE"], ["HARASSMENT"]];
const urgencies = ["IMMEDIATE_DANGER", "URGENT", "PLANNED"];
const needSets = [null, ["LEGAL_ADVICE"], ["EMERGENCY_SHELTER", "PSYCHOLOGICAL"]];
const allowedProperties = ["communeCode", "count", "covered", "day", "key", "need", "situation", "urgency"];

const graphCensus = () =>
  cypher<{ what: string; count: number }>(
    `MATCH (n) WHERE NOT n:DemandCount AND NOT n:AreaDigest AND NOT n:SurroundingsDigest RETURN labels(n)[0] AS what, count(*) AS count
     UNION ALL MATCH ()-[r]->() RETURN type(r) AS what, count(*) AS count`,
  ).then((rows) => rows.sort((a, b) => a.what.localeCompare(b.what)));

describe("anonymous demand", () => {
  it("counts 100 route requests exactly, and writes nothing that identifies their caller", { timeout: 300_000 }, async () => {
    const before = await graphCensus();
    const expected = new Map<string, number>();
    const today = DateTime.now().setZone("Europe/Paris").toISODate()!;
    const token = await tokenFor("FRONTLINE", { sub: "frontline-worker-4711" });

    for (let i = 0; i < 100; i++) {
      // The first 40 ask the same thing, so that some counts reach 5 and are published as they are.
      const input = i < 40 ? { commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "URGENT", needs: ["LEGAL_ADVICE"], at: "2026-11-24T23:41:07+01:00" } : {
        commune: communes[i % communes.length]!,
        situations: situations[i % situations.length]!,
        urgency: urgencies[i % urgencies.length]!,
        ...(needSets[i % needSets.length] ? { needs: needSets[i % needSets.length] } : {}),
        at: "2026-11-24T23:41:07+01:00",
      };
      const response = await graphql<{ referralRoute: { communeCode: string; needs: string[]; uncoveredNeeds: { need: string }[] } }>(routeQuery, { input }, token);
      expect(response.body.errors).toBeUndefined();
      const route = response.body.data!.referralRoute;
      for (const situation of input.situations) {
        for (const need of route.needs) {
          const covered = !route.uncoveredNeeds.some((u) => u.need === need);
          const key = [today, route.communeCode, situation, need, input.urgency, covered].join("|");
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
      }
    }
    await flushDemandCounts();

    const written = await cypher<{ properties: Record<string, unknown>; day: string; relations: number }>(
      `MATCH (n:DemandCount) RETURN properties(n) AS properties, toString(n.day) AS day, COUNT { (n)--() } AS relations`,
    );
    const counted = new Map(written.map((w) => [w.properties.key as string, w.properties.count as number]));
    expect(counted).toEqual(expected);
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
    expect([...expected.keys()].some((k) => k.endsWith("|false"))).toBe(true);

    for (const { properties, day, relations } of written) {
      expect(Object.keys(properties).sort()).toEqual(allowedProperties);
      expect(relations).toBe(0);
      expect(day).toBe(today);
      expect(properties.key).toBe([day, properties.communeCode, properties.situation, properties.need, properties.urgency, properties.covered].join("|"));
      const text = JSON.stringify({ ...properties, day });
      for (const identifying of ["frontline-worker-4711", "203.0.113.7", "parcours-tests", "23:41", "T23", "FRONTLINE"]) expect(text).not.toContain(identifying);
    }
    // Nothing else in the graph changed: no node, no relation, no audit record; but the digests of what
    // routes read (functions/routes/area-digests.ts), the same whoever asks, which name nobody.
    expect(await graphCensus()).toEqual(before);
    await flushAreaDigests();
    const digests = await digestsInGraph();
    expect(digests).not.toEqual([]);
    for (const { text, relations } of digests) {
      expect(relations).toBe(0);
      for (const identifying of ["frontline-worker-4711", "203.0.113.7", "parcours-tests", "23:41", "T23", "FRONTLINE"]) expect(text).not.toContain(identifying);
    }
  });

  it("publishes the counts to the département's coordinator, under 5 as \"< 5\", with unmet demand by commune", async () => {
    const response = await graphql<{ demand: { counts: { communeCode: string; count: string; covered: boolean }[]; unmetByCommune: { communeCode: string; count: string }[] } }>(
      `{ demand(departement: "92") { counts { day communeCode situation need urgency covered count } unmetByCommune { communeCode communeName count } } }`,
      undefined,
      await tokenFor("COORDINATOR", { departement: "92" }),
    );
    expect(response.body.errors).toBeUndefined();
    const { counts, unmetByCommune } = response.body.data!.demand;
    const stored = await cypher<{ key: string; count: number; communeCode: string }>(
      `MATCH (n:DemandCount) WHERE n.communeCode STARTS WITH '92' RETURN n.key AS key, n.count AS count, n.communeCode AS communeCode`,
    );
    expect(counts).toHaveLength(stored.length);
    expect(counts.every((c) => c.communeCode.startsWith("92"))).toBe(true);
    const published = counts.map((c) => c.count).sort();
    const expected = stored.map((s) => (s.count < 5 ? "< 5" : String(s.count))).sort();
    expect(published).toEqual(expected);
    expect(published).toContain("< 5");
    expect(published.some((c) => c !== "< 5")).toBe(true);

    const [unmet] = await cypher<{ rows: { communeCode: string; count: number }[] }>(
      `MATCH (n:DemandCount {covered: false}) WHERE n.communeCode STARTS WITH '92'
       WITH n.communeCode AS communeCode, sum(n.count) AS count ORDER BY count DESC, communeCode RETURN collect({communeCode: communeCode, count: count}) AS rows`,
    );
    expect(unmetByCommune.map((u) => [u.communeCode, u.count])).toEqual(unmet!.rows.map((r) => [r.communeCode, r.count < 5 ? "< 5" : String(r.count)]));
  });

  it("refuses a period longer than 366 days, or ending before it starts, naming the field", async () => {
    const token = await tokenFor("COORDINATOR", { departement: "92" });
    const ask = (from: string, to: string) =>
      graphql(`query ($from: Date, $to: Date) { demand(departement: "92", from: $from, to: $to) { from to } }`, { from, to }, token);
    for (const [from, to] of [["2024-01-01", "2026-01-01"], ["2025-01-01", "2026-01-02"], ["2026-02-01", "2026-01-01"]] as const) {
      const refused = await ask(from, to);
      expect(refused.body.data).toBeNull();
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
    }
    // The longest period allowed: 366 days, both ends counted.
    const longest = await ask("2025-01-01", "2026-01-01");
    expect(longest.body.errors).toBeUndefined();
    expect(longest.body.data).toEqual({ demand: { from: "2025-01-01", to: "2026-01-01" } });
  });
});
