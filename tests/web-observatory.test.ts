/**
 * The observatory's pages (issue 15) in a real browser, signed in as the 92's coordinator through the
 * development sign-in: every figure checked is compared with an independent Cypher count over the
 * same graph, and the pages pass axe-core at 360 px and 1280 px.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { catalogues } from "../web/src/i18n/catalogue";
import { coveragePngLayout } from "../web/src/observatory/coverage-png";
import { levelBounds } from "../web/src/observatory/map-measures";
import { coverageQuery } from "../web/src/observatory-queries";
import { cypher } from "./support/graph";
import { importFile } from "./support/s3";
import { graphql } from "./support/http-api";
import { saveDatasetMutation } from "./support/confidential-fixture";
import { tokenFor } from "./support/tokens";
import { axeViolations, launchChromium, startWebApp } from "./support/web-app";

const fr = catalogues.fr;
const etalabPopulation = new Map(
  (createRequire(import.meta.url)("@etalab/decoupage-administratif/data/communes.json") as { code: string; type: string; population?: number }[])
    .filter((c) => c.type === "commune-actuelle")
    .map((c) => [c.code, c.population]),
);
const rank = ["IN_COMMUNE", "IN_ZONE", "DEPARTEMENT", "NATIONAL_ONLY"] as const;

let origin: string;
let browser: Browser;

beforeAll(async () => {
  [origin, browser] = await Promise.all([startWebApp(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, role: string): Promise<void> {
  await page.goto(`${origin}/pro`);
  await page.selectOption("#dev-role", role);
  await page.click(".dev-sign-in button[type=submit]");
  await page.waitForSelector(".signed-in");
}

async function openObservatory(page: Page): Promise<void> {
  await signIn(page, "COORDINATOR");
  await page.click(`a:has-text("${fr.observatory.open}")`);
  await page.waitForSelector("button[data-cell]", { timeout: 60_000 });
  await page.waitForSelector(".observatory .progress", { state: "detached", timeout: 60_000 });
}

const digits = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

/** Independently of functions/observatory/: the services answering the need whose area holds the commune, at any depth, and the best level. */
async function independentCell(communeCode: string, need: string, situation: string | null = null) {
  const [row] = await cypher<{ levels: number[] }>(
    `MATCH (commune:Territory {code: $communeCode})
     OPTIONAL MATCH (commune)-[:PART_OF*0..3]->(area:Territory)<-[:SERVES]-(service:Service)-[:ANSWERS]->(:Need {code: $need})
     WHERE service.audience IN ['VICTIMS', 'GENERAL_PUBLIC'] AND service.kind <> 'FAMILY_MEDIATION'
       AND ($situation IS NULL OR EXISTS { (service)-[:HANDLES]->(:Situation {code: $situation}) })
     WITH service, min(CASE area.level WHEN 'COMMUNE' THEN 0 WHEN 'ZONE' THEN 1 WHEN 'DEPARTEMENT' THEN 2 WHEN 'NATIONAL' THEN 3 END) AS level
     RETURN [l IN collect(CASE WHEN service IS NOT NULL THEN level END) WHERE l IS NOT NULL] AS levels`,
    { communeCode, need, situation },
  );
  const levels = row!.levels;
  const best = Math.min(...levels);
  return { reach: levels.length === 0 ? "NONE" : rank[best]!, inReach: levels.length, atBest: levels.filter((l) => l === best).length };
}

describe("who sees the observatory", () => {
  it("tells a signed-out visitor, in French, to sign in as coordination, and a front-line worker that the role does not allow it", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/observatoire`);
    expect(await page.textContent(".observatory .notice")).toBe(fr.observatory.signedOut);
    expect(await page.getAttribute(".observatory a", "href")).toBe("/pro");

    await signIn(page, "FRONTLINE");
    expect(await page.locator(`a:has-text("${fr.observatory.open}")`).count()).toBe(0);
    // Without a link offered, the way there is the address itself, within the visit (the session lives in memory).
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<a id="to-observatory" href="/observatoire" data-nav>o</a>'));
    await page.click("#to-observatory");
    expect(await page.textContent(".observatory .notice")).toBe(fr.observatory.wrongRole);
    expect(await page.locator("button[data-cell]").count()).toBe(0);
    await page.close();
  });
});

describe("coverage", () => {
  const cells = [
    ["92050", "LEGAL_ADVICE"],
    ["92002", "EMERGENCY_SHELTER"],
    ["92012", "PSYCHOLOGICAL"],
    ["92063", "COMPLAINT"],
  ] as const;

  it("shows, for each cell chosen by click or keyboard, the reach, services and population an independent Cypher count gives, and makes no third-party request", { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).origin));
    await openObservatory(page);

    for (const [index, [commune, need]] of cells.entries()) {
      const expected = await independentCell(commune, need);
      const button = page.locator(`button[data-cell="${commune} ${need}"]`);
      expect(await button.textContent()).toContain(`${fr.observatory.reachLetters[expected.reach as keyof typeof fr.observatory.reachLetters]} ${expected.inReach}`);
      if (index % 2 === 0) await button.click();
      else {
        await button.focus();
        await page.keyboard.press("Enter");
      }
      await page.waitForSelector(`.cell-detail h3:has-text("${fr.needs[need]}")`);
      expect(await button.getAttribute("aria-pressed")).toBe("true");
      expect(await page.textContent("[data-figure=reach]")).toBe(fr.observatory.reaches[expected.reach as keyof typeof fr.observatory.reaches]);
      expect(digits(await page.textContent("[data-figure=services-in-reach]"))).toBe(expected.inReach);
      expect(digits(await page.textContent("[data-figure=population]"))).toBe(etalabPopulation.get(commune));
      expect(await page.locator(".cell-services li").count()).toBe(Math.min(20, expected.atBest));
    }
    expect(new Set(requested)).toEqual(new Set([origin]));
    await page.close();
  });

  it("explains a gap when its cell is chosen, and lists the gaps most inhabitants first", async () => {
    const page = await browser.newPage();
    await openObservatory(page);
    const gapCell = page.locator("button.reach-NONE, button.reach-NATIONAL_ONLY, button.reach-DEPARTEMENT").first();
    await gapCell.click();
    await expect.poll(async () => (await page.textContent(".cell-detail .notice"))?.length ?? 0).toBeGreaterThan(10);

    // The table's hundreds of buttons can be skipped from the keyboard, without a history entry.
    await page.focus(".skip-table");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("gaps-title");
    expect(new URL(page.url()).hash).toBe("");

    const populations = (await page.$$eval("ol.gaps li", (lis) => lis.map((li) => li.textContent ?? ""))).map((text) => digits(/([\d\s\u202f]+) habitants/.exec(text)?.[1] ?? ""));
    expect(populations.length).toBeGreaterThan(1);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
    await page.close();
  });

  it("filters by situation: a cell's figures become the count of services handling that situation", async () => {
    const page = await browser.newPage();
    await openObservatory(page);
    const [commune, need] = ["92050", "PSYCHOLOGICAL"];
    const all = await independentCell(commune, need);
    const sexual = await independentCell(commune, need, "SEXUAL_VIOLENCE");
    expect(sexual.inReach).toBeLessThan(all.inReach);

    await page.selectOption("#coverage-situation", "SEXUAL_VIOLENCE");
    const shown = page.locator(`button[data-cell="${commune} ${need}"] span[aria-hidden]`);
    await expect.poll(async () => digits(await shown.textContent()), { timeout: 15_000 }).toBe(sexual.inReach);
    expect(await shown.textContent()).toBe(`${fr.observatory.reachLetters[sexual.reach as keyof typeof fr.observatory.reachLetters]} ${sexual.inReach}`);
    await page.close();
  });

  it("exports every cell as a CSV file and as a PNG image made in the page", async () => {
    const page = await browser.newPage();
    await openObservatory(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`button:has-text("${fr.observatory.exportCsv}")`)]);
    expect(download.suggestedFilename()).toBe("couverture-92.csv");
    const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
    const [census] = await cypher<{ communes: number; needs: number }>(
      `MATCH (c:Territory {level: 'COMMUNE'})-[:PART_OF]->(:Territory {code: '92'}) WITH count(c) AS communes MATCH (n:Need) RETURN communes, count(n) AS needs`,
    );
    expect(lines).toHaveLength(census!.communes * census!.needs + 1);
    const expected = await independentCell("92050", "LEGAL_ADVICE");
    const row = lines.find((l) => l.startsWith('"92050"') && l.includes(fr.needs.LEGAL_ADVICE))!;
    expect(row.split(";").map((v) => v.replaceAll('"', ""))).toEqual(
      expect.arrayContaining([fr.observatory.reaches[expected.reach as keyof typeof fr.observatory.reaches], String(expected.inReach), String(etalabPopulation.get("92050"))]),
    );

    const [image] = await Promise.all([page.waitForEvent("download"), page.click(`button:has-text("${fr.observatory.exportPng}")`)]);
    expect(image.suggestedFilename()).toBe("couverture-92.png");
    const png = await readFile((await image.path())!);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    // IHDR: one row per commune and one column per need of the graph.
    const { nameWidth, headerHeight, cellWidth, cellHeight, titleHeight, rightMargin, legendHeight } = coveragePngLayout;
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([nameWidth + census!.needs * cellWidth + rightMargin, titleHeight + headerHeight + census!.communes * cellHeight + legendHeight]);
    await page.close();
  });
});

describe("standards", () => {
  it("shows the counselling centres the graph counts and « inconnu » for shelter places some shelters do not count", async () => {
    const page = await browser.newPage();
    await openObservatory(page);
    const [counted] = await cypher<{ welcome: number }>(
      `MATCH (s:Service {kind: 'WELCOME_CENTRE'}) WHERE s.audience IN ['VICTIMS', 'GENERAL_PUBLIC']
         AND EXISTS { (s)-[:SERVES]->(a:Territory) WHERE a.code = '92' OR (a)-[:PART_OF]->(:Territory {code: '92'}) }
       RETURN count(s) AS welcome`,
    );
    const etalab92 = [...etalabPopulation.entries()].filter(([code]) => code.startsWith("92")).reduce((sum, [, p]) => sum + (p ?? 0), 0);
    const counselling = page.locator("tr[data-standard=WOMENS_COUNSELLING_CENTRES]");
    expect(digits(await counselling.locator("[data-figure=present]").textContent())).toBe(counted!.welcome);
    expect(digits(await counselling.locator("[data-figure=needed]").textContent())).toBe(Math.ceil(Math.round(etalab92 / 2) / 50_000));
    expect(await page.textContent("tr[data-standard=FAMILY_SHELTER_PLACES] [data-figure=present]")).toMatch(/^inconnu \(au moins \d/);
    expect(await page.textContent("tr[data-standard=FAMILY_SHELTER_PLACES] [data-figure=gap]")).toBe("inconnu");
    expect(await page.textContent("table.standards")).toContain("2023");
    await page.close();
  });
});

describe("freshness", () => {
  it("marks the oldest fact verified by e-mail: it leaves the list, the campaign counts it and the audit trail says who and how", async () => {
    const page = await browser.newPage();
    await openObservatory(page);
    const first = page.locator("li.fact").first();
    const [label, id] = (await first.getAttribute("data-fact"))!.split(" ") as [string, string];
    const done = digits(await page.textContent("[data-figure=done]"));

    await first.locator("select.method").selectOption("EMAIL");
    await first.locator(`button:has-text("${fr.observatory.markVerified}")`).click();
    await page.waitForSelector(`.freshness-status:has-text("${fr.observatory.markedVerified}")`);
    await page.waitForSelector(`li.fact[data-fact="${label} ${id}"]`, { state: "detached" });
    expect(digits(await page.textContent("[data-figure=done]"))).toBe(done + 1);

    const today = DateTime.now().setZone("Europe/Paris").toISODate();
    const [fact] = await cypher<{ verifiedAt: string; unverified: boolean | null }>(`MATCH (n:${label} {id: $id}) RETURN toString(n.verifiedAt) AS verifiedAt, n.unverified AS unverified`, { id });
    expect(fact).toEqual({ verifiedAt: today, unverified: false });
    const audits = await cypher<{ role: string; changes: string }>(
      `MATCH (a:AuditRecord {operation: 'markVerified'}) WHERE a.changes CONTAINS $id RETURN a.role AS role, a.changes AS changes`,
      { id },
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.role).toBe("COORDINATOR");
    expect(audits[0]!.changes).toContain("EMAIL");
    await page.close();
  });
});

describe("records to qualify", () => {
  it("lists what a foreign feed brought without what routes need: what is missing, the feed's terms and the id a qualifying write must use; a qualified record leaves the list", async () => {
    const feed = {
      id: "3f6a2b1c-7d4e-4f5a-9b8c-1d2e3f4a5b01",
      name: "Association d'un annuaire voisin",
      description: "",
      services: [
        {
          id: "3f6a2b1c-7d4e-4f5a-9b8c-1d2e3f4a5b02",
          name: "Permanence d'accueil de jour",
          status: "active",
          assured_date: "2026-10-01",
          attributes: [{ id: "3f6a2b1c-7d4e-4f5a-9b8c-1d2e3f4a5b03", taxonomy_term: { id: "3f6a2b1c-7d4e-4f5a-9b8c-1d2e3f4a5b04", code: "accueil-jour", name: "Accueil de jour", taxonomy: "annuaire-voisin" } }],
          service_areas: [{ id: "3f6a2b1c-7d4e-4f5a-9b8c-1d2e3f4a5b05", name: "Quartier des Tilleuls" }],
        },
      ],
    };
    const report = await importFile("incoming/annuaire-voisin.json", JSON.stringify(feed));
    expect(report).toMatchObject({ status: "imported", problems: [] });
    const held = await cypher<{ id: string; kind: string }>("MATCH (q:ToQualify) RETURN q.id AS id, q.recordKind AS kind ORDER BY kind");
    expect(held.map((q) => q.kind)).toEqual(["actor", "service"]);

    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await openObservatory(page);
    const service = page.locator(`.to-qualify li[data-record="${held[1]!.id}"]`);
    await service.waitFor();
    const text = await service.textContent();
    expect(text).toContain("Permanence d'accueil de jour");
    expect(text).toContain(`${fr.observatory.toQualifyMissing} `);
    expect(text).toMatch(/besoins/);
    expect(text).toContain("annuaire-voisin : accueil-jour (Accueil de jour)");
    expect(text).toContain("Quartier des Tilleuls");
    expect(text).toContain(held[1]!.id);
    expect(text).toContain("1 octobre 2026");
    expect(await page.locator(".to-qualify > li").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    const source = { id: "qualification-test", ref: "https://example.org/qualification", title: "Qualification de test", verifiedAt: "2026-11-03" };
    const qualified = { id: held[0]!.id, name: feed.name, kind: "ASSOCIATION", departement: "92", covers: ["92"], source: source.id };
    const saved = await graphql(saveDatasetMutation, { input: { sources: [source], actors: [qualified] } }, await tokenFor("COORDINATOR", { departement: "92" }));
    expect(saved.body.errors).toBeUndefined();
    const after = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await openObservatory(after);
    await after.locator(`.to-qualify li[data-record="${held[1]!.id}"]`).waitFor();
    expect(await after.locator(".to-qualify > li").count()).toBe(1);
    expect(await after.locator(`.to-qualify li[data-record="${held[0]!.id}"]`).count()).toBe(0);
    await after.close();
  }, 120_000);
});

describe("demand", () => {
  it("shows unmet demand by commune as counted, under 5 as « < 5 »", async () => {
    const today = DateTime.now().setZone("Europe/Paris").toISODate();
    const rows = [
      { communeCode: "92050", need: "LEGAL_ADVICE", count: 3, covered: false },
      { communeCode: "92002", need: "HOUSING", count: 4, covered: false },
      { communeCode: "92002", need: "PSYCHOLOGICAL", count: 3, covered: false },
      { communeCode: "92002", need: "LISTENING", count: 9, covered: true },
    ];
    await cypher(
      `UNWIND $rows AS row
       CREATE (:DemandCount {key: $today + '|' + row.communeCode + '|' + row.need + '|web-test', day: date($today), communeCode: row.communeCode,
         situation: 'INTIMATE_PARTNER_VIOLENCE', need: row.need, urgency: 'URGENT', covered: row.covered, count: row.count})`,
      { rows, today },
    );
    const page = await browser.newPage();
    await openObservatory(page);
    const unmet = await cypher<{ communeCode: string; count: number }>(
      `MATCH (c:DemandCount) WHERE c.communeCode STARTS WITH '92' AND NOT c.covered AND c.day = date($today) RETURN c.communeCode AS communeCode, sum(c.count) AS count`,
      { today },
    );
    for (const { communeCode, count } of unmet) {
      expect(await page.textContent(`tr[data-commune="${communeCode}"] [data-figure=unmet]`)).toBe(count < 5 ? "< 5" : String(count));
    }
    expect(unmet.map((u) => u.count).sort()).toEqual([3, 7]);
    await page.close();
  });
});

describe("network", () => {
  it("lists the 92's actors with their relations, filtered by type, and the isolated actors an independent query finds", async () => {
    const page = await browser.newPage();
    await openObservatory(page);
    const isolated = await cypher<{ name: string }>(
      `MATCH (a:Actor {departement: '92'}) WHERE NOT EXISTS { (a)-[]-(other) WHERE other:Actor OR other:Convention } RETURN a.name AS name ORDER BY name`,
    );
    const shown = await page.$$eval("ul.isolated li", (lis) => lis.map((li) => li.textContent ?? ""));
    expect(shown.sort()).toEqual(isolated.map((i) => i.name).sort());
    const [actors] = await cypher<{ count: number }>(`MATCH (a:Actor {departement: '92'}) RETURN count(a) AS count`);
    expect(await page.locator("ul.network-actors > li").count()).toBeGreaterThanOrEqual(actors!.count);
    expect(await page.locator("ul.network-actors > li ul li").count()).toBeGreaterThan(0);

    await page.selectOption("#relation-type", "MEMBER_OF");
    const [members] = await cypher<{ actors: number; relations: number }>(
      `MATCH (a:Actor {departement: '92'})-[r:MEMBER_OF]-(b:Actor)
       WITH collect(DISTINCT a) + collect(DISTINCT b) AS ends, collect(DISTINCT r) AS relations
       UNWIND ends AS actor RETURN count(DISTINCT actor) AS actors, size(relations) AS relations`,
    );
    expect(members!.relations).toBeGreaterThan(0);
    await expect.poll(() => page.locator("ul.network-actors > li").count()).toBe(members!.actors);
    // Each relation shows under both of its ends.
    expect(await page.locator("ul.network-actors > li ul li").count()).toBe(2 * members!.relations);
    expect((await page.$$eval("ul.network-actors > li ul li", (lis) => lis.map((li) => li.textContent ?? ""))).every((text) => text.includes(fr.observatory.relations.MEMBER_OF))).toBe(true);
    await page.close();
  });
});

/** Independently of functions/observatory/: per commune, the needs whose nearest answer is farther than the commune or its zone. */
async function independentNeedsWithoutLocalAnswer(communeCodes: string[]) {
  const rows = await cypher<{ communeCode: string; count: number }>(
    `UNWIND $communeCodes AS communeCode
     MATCH (commune:Territory {code: communeCode}), (need:Need)
     OPTIONAL MATCH (commune)-[:PART_OF*0..1]->(area:Territory)<-[:SERVES]-(service:Service)-[:ANSWERS]->(need)
     WHERE area.level IN ['COMMUNE', 'ZONE'] AND service.kind <> 'FAMILY_MEDIATION'
       AND service.audience IN CASE need.code WHEN 'PERPETRATOR_FOLLOW_UP' THEN ['PERPETRATORS'] ELSE ['VICTIMS', 'GENERAL_PUBLIC'] END
     WITH communeCode, need, count(service) AS local
     RETURN communeCode, sum(CASE WHEN local = 0 THEN 1 ELSE 0 END) AS count`,
    { communeCodes },
  );
  return new Map(rows.map((r) => [r.communeCode, r.count]));
}

const levelFor = (bounds: readonly number[], value: number) => {
  const index = bounds.findIndex((bound) => value <= bound);
  return `level-${index === -1 ? 3 : index}`;
};

async function openMap(page: Page): Promise<void> {
  await openObservatory(page);
  await page.waitForSelector("button.tile[data-commune]", { timeout: 20_000 });
}

describe("commune map", () => {
  const communes = ["92002", "92012", "92040", "92050", "92063"];

  it("draws the 92's communes as tiles grouped by their four EPT, coloured and written as an independent Cypher count gives", { timeout: 120_000 }, async () => {
    const today = DateTime.now().setZone("Europe/Paris").toISODate();
    await cypher(
      `CREATE (:DemandCount {key: $today + '|92040|map-test', day: date($today), communeCode: '92040', situation: 'SEXUAL_VIOLENCE', need: 'HOUSING', urgency: 'PLANNED', covered: false, count: 25})`,
      { today },
    );
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).origin));
    await openMap(page);

    const zones = await cypher<{ zone: string; communes: number }>(
      `MATCH (c:Territory {level: 'COMMUNE'})-[:PART_OF]->(:Territory {code: '92'}) MATCH (c)-[:PART_OF]->(z:Territory {level: 'ZONE'}) WHERE z.name STARTS WITH 'Territoire'
       RETURN z.name AS zone, count(c) AS communes ORDER BY zone`,
    );
    expect(zones).toHaveLength(4);
    const groups = await page.$$eval(".map-zone", (divs) => divs.map((d) => ({ zone: d.querySelector(".map-zone-name")?.textContent ?? "", communes: d.querySelectorAll("button.tile").length })));
    expect(groups).toEqual(zones);

    // Reach for a need: the tile's colour class and letter.
    await page.selectOption("#map-need", "LEGAL_ADVICE");
    for (const commune of communes) {
      const expected = await independentCell(commune, "LEGAL_ADVICE");
      const tile = page.locator(`button.tile[data-commune="${commune}"]`);
      await expect.poll(() => tile.getAttribute("data-level"), { timeout: 15_000 }).toBe(`reach-${expected.reach}`);
      expect(await tile.locator(".tile-value").textContent()).toBe(fr.observatory.reachLetters[expected.reach as keyof typeof fr.observatory.reachLetters]);
      expect(await tile.locator(".visually-hidden").textContent()).toContain(fr.observatory.reaches[expected.reach as keyof typeof fr.observatory.reaches]);
    }

    // Needs without a local answer: the count written on the tile and its level.
    await page.selectOption("#map-measure", "gapCount");
    const gapCounts = await independentNeedsWithoutLocalAnswer(communes);
    expect(new Set(gapCounts.values()).size).toBeGreaterThan(1);
    for (const commune of communes) {
      const tile = page.locator(`button.tile[data-commune="${commune}"]`);
      await expect.poll(() => tile.locator(".tile-value").textContent(), { timeout: 15_000 }).toBe(String(gapCounts.get(commune)));
      expect(await tile.getAttribute("data-level")).toBe(levelFor(levelBounds.gapCount, gapCounts.get(commune)!));
    }

    // Unmet demand over the last 30 days, as the API publishes it ("< 5" under 5).
    await page.selectOption("#map-measure", "unmet");
    const unmet = await cypher<{ communeCode: string; count: number }>(
      `MATCH (c:DemandCount {covered: false}) WHERE c.communeCode IN $communes AND c.day >= date($today) - duration({days: 29})
       RETURN c.communeCode AS communeCode, sum(c.count) AS count`,
      { communes, today },
    );
    const unmetOf = new Map(unmet.map((u) => [u.communeCode, u.count]));
    expect(unmetOf.get("92040")).toBeGreaterThanOrEqual(25);
    for (const commune of communes) {
      const count = unmetOf.get(commune) ?? 0;
      const tile = page.locator(`button.tile[data-commune="${commune}"]`);
      await expect.poll(() => tile.locator(".tile-value").textContent(), { timeout: 15_000 }).toBe(count === 0 ? "0" : count < 5 ? "< 5" : String(count));
      expect(await tile.getAttribute("data-level")).toBe(levelFor(levelBounds.unmet, count));
    }
    // The same figures in the table.
    expect(await page.textContent('.map-table tr[data-commune="92040"] td:last-child')).toContain(String(unmetOf.get("92040")));
    expect(new Set(requested)).toEqual(new Set([origin]));
    await page.close();
  });

  it("opens a commune's details on click or Enter: its services for the chosen need, or the gap's explanation with its population", { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    await openMap(page);
    await page.selectOption("#map-need", "PSYCHOLOGICAL");
    const expected = await independentCell("92050", "PSYCHOLOGICAL");
    await page.click('button.tile[data-commune="92050"]');
    await page.waitForSelector('#map-detail h3:has-text("Nanterre")');
    expect(await page.getAttribute('button.tile[data-commune="92050"]', "aria-pressed")).toBe("true");
    expect(await page.textContent("#map-detail [data-figure=reach]")).toBe(fr.observatory.reaches[expected.reach as keyof typeof fr.observatory.reaches]);
    expect(digits(await page.textContent("#map-detail [data-figure=services-in-reach]"))).toBe(expected.inReach);
    expect(await page.locator("#map-detail .cell-services li").count()).toBe(Math.min(20, expected.atBest));
    const gapCount = (await independentNeedsWithoutLocalAnswer(["92050"])).get("92050")!;
    expect(digits((await page.textContent("#map-detail [data-figure=map-gaps]"))!.split(fr.observatory.map.ofNeeds)[0]!)).toBe(gapCount);

    // A commune with no local answer for the need: the explanation and the inhabitants left without it.
    await page.selectOption("#map-need", "IMMEDIATE_SAFETY");
    const gap = await independentCell("92012", "IMMEDIATE_SAFETY");
    expect(["DEPARTEMENT", "NATIONAL_ONLY", "NONE"]).toContain(gap.reach);
    await page.focus('button.tile[data-commune="92012"]');
    await page.keyboard.press("Enter");
    await page.waitForSelector('#map-detail h3:has-text("Boulogne-Billancourt")');
    expect((await page.textContent("#map-detail .notice"))?.length).toBeGreaterThan(10);
    expect(digits(await page.textContent("#map-detail [data-figure=population]"))).toBe(etalabPopulation.get("92012"));
    await page.close();
  });
});

/** The network graph's cytoscape instance, which the library keeps on its container. */
const graphCounts = (page: Page) =>
  page.$eval(".network-graph", (element) => {
    const cy = (element as unknown as { _cyreg: { cy: { nodes: () => { length: number }; edges: () => { length: number } } } })._cyreg.cy;
    return { nodes: cy.nodes().length, edges: cy.edges().length };
  });

async function openGraph(page: Page): Promise<void> {
  await openObservatory(page);
  await page.locator(".network-graph").scrollIntoViewIfNeeded();
  await page.waitForSelector(".network-graph canvas", { timeout: 20_000 });
}

describe("network graph", () => {
  it("draws the relations of the chosen type with the nodes and edges an independent Cypher count gives", { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const consoleErrors: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).origin));
    page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
    await openGraph(page);
    const [all] = await cypher<{ actors: number }>(`MATCH (a:Actor {departement: '92'}) RETURN count(a) AS actors`);
    expect((await graphCounts(page)).nodes).toBeGreaterThanOrEqual(all!.actors);

    for (const type of ["HOLDS_PERMANENCE_AT", "MEMBER_OF"]) {
      const [expected] = await cypher<{ nodes: number; relations: number }>(
        `MATCH (a:Actor {departement: '92'})-[r]-(b:Actor) WHERE type(r) = $type
         WITH collect(DISTINCT a) + collect(DISTINCT b) AS ends, collect(DISTINCT r) AS relations
         UNWIND ends AS node RETURN count(DISTINCT node) AS nodes, size(relations) AS relations`,
        { type },
      );
      expect(expected!.relations).toBeGreaterThan(0);
      await page.selectOption("#relation-type", type);
      await expect.poll(() => graphCounts(page), { timeout: 15_000 }).toEqual({ nodes: expected!.nodes, edges: expected!.relations });
      expect(await page.getAttribute(".network-graph", "data-relations")).toBe(String(expected!.relations));
      expect(await page.getAttribute(".network-graph", "aria-label")).toContain(`${expected!.nodes} ${fr.observatory.graph.nodes}, ${expected!.relations} ${fr.observatory.graph.relations}`);
    }
    // The library came from the app's own origin, fetched when the section was drawn, and the page's Content-Security-Policy refused nothing.
    expect(new Set(requested)).toEqual(new Set([origin]));
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("opens an actor's page when its node is clicked", { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    await openGraph(page);
    await page.selectOption("#relation-type", "HOLDS_PERMANENCE_AT");
    await expect.poll(async () => (await graphCounts(page)).edges, { timeout: 15_000 }).toBeGreaterThan(0);
    // The most connected actor sits in the middle of the rings: with the box centred on screen, it is in view.
    await page.locator(".network-graph").evaluate((element) => element.scrollIntoView({ block: "center" }));
    const target = await page.$eval(".network-graph", (element) => {
      type Node = { id: () => string; data: (key: string) => string; degree: (loops: boolean) => number; renderedPosition: () => { x: number; y: number } };
      const cy = (element as unknown as { _cyreg: { cy: { nodes: (selector: string) => Node[] } } })._cyreg.cy;
      const node = [...cy.nodes("[kind = 'ACTOR']")].sort((a, b) => b.degree(false) - a.degree(false))[0]!;
      return { id: node.id(), name: node.data("label"), ...node.renderedPosition() };
    });
    const box = (await page.locator(".network-graph").boundingBox())!;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForURL(`${origin}/acteur/${encodeURIComponent(target.id)}`);
    await page.waitForSelector(`main h1:has-text("${target.name}")`);
    await page.close();
  });
});

describe("bounded lists", () => {
  it("asks the département's coverage once for the table and the map, which show it at the same time", { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const webCoverageHash = String(coverageQuery.__meta__?.hash).replace(/^sha256:/, "");
    const coverageCalls: string[] = [];
    page.on("request", (sent) => {
      const body = sent.method() === "POST" ? sent.postData() ?? "" : "";
      if (sent.url().endsWith("/graphql") && body.includes(webCoverageHash)) coverageCalls.push(body);
    });
    await openObservatory(page);
    await page.waitForSelector(".commune-map");

    expect(coverageCalls).toHaveLength(1);
    await page.close();
  });

  it("pages the gaps 30 at a time, the next page continuing the order", { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    await openObservatory(page);
    const [census] = await cypher<{ communes: number }>(`MATCH (c:Territory {level: 'COMMUNE'})-[:PART_OF]->(:Territory {code: '92'}) RETURN count(c) AS communes`);
    const total = digits(await page.textContent("[data-figure=gaps-total]"));
    expect(total).toBeGreaterThan(30);
    expect(total).toBeLessThanOrEqual(census!.communes * 12);
    expect(await page.locator("ol.gaps li").count()).toBe(30);
    const population = async () => (await page.$$eval("ol.gaps li", (lis) => lis.map((li) => li.textContent ?? ""))).map((text) => digits(/([\d\s\u202f]+) habitants/.exec(text)?.[1] ?? ""));
    const first = await population();
    await page.click(`nav[aria-label="${fr.observatory.gapsPages}"] button:has-text("${fr.observatory.nextPage}")`);
    await page.waitForSelector('ol.gaps[start="31"]');
    const second = await population();
    expect(second.length).toBe(Math.min(30, total - 30));
    expect(second[0]!).toBeLessThanOrEqual(first[first.length - 1]!);
    expect(await page.textContent(`nav[aria-label="${fr.observatory.gapsPages}"] .pager-position`)).toMatch(/^31–/);
    await page.close();
  });
});

describe("accessibility", () => {
  for (const width of [360, 1280]) {
    it(`finds no axe-core violation on the observatory, signed out and signed in with a cell and a commune open and the network graph drawn, at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const found: Record<string, string[]> = {};
      const check = async (name: string) => {
        const violations = await axeViolations(page);
        if (violations.length) found[name] = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      };
      await page.goto(`${origin}/observatoire`);
      await page.waitForSelector(".observatory .notice");
      await check("signed-out");
      await openObservatory(page);
      await page.click('button[data-cell="92050 LEGAL_ADVICE"]');
      await page.click('button.tile[data-commune="92012"]');
      await page.waitForSelector(".network-graph canvas", { timeout: 20_000 });
      // The chosen cell's details are asked when it is chosen: checked and shown once they are in.
      await page.waitForSelector("#cell-detail h3");
      const shoot = async (selector: string, name: string) => {
        if (process.env.UPDATE_SCREENSHOTS !== "1") return;
        // The part shown at the top of the screen, below the sticky quick-exit bar.
        await page.locator(selector).evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 100));
        await page.screenshot({ path: join(import.meta.dirname, "..", "web", "screenshots", `${name}-${width}.png`) });
      };
      await shoot("#coverage-caption", "observatoire");
      await shoot("#cell-detail", "observatoire-cellule");
      await shoot(".commune-map", "observatoire-carte");
      await shoot("#network-graph-title", "observatoire-reseau");
      await shoot("#toQualify-title", "observatoire-a-qualifier");
      await check("observatoire");
      await context.close();

      expect(found).toEqual({});
    }, 120_000);
  }

  it("reads in English after the language switch", async () => {
    const page = await browser.newPage();
    await openObservatory(page);
    await page.click("#language-switch");
    await expect.poll(() => page.textContent("main h1")).toBe("Observatory — département 92");
    await expect.poll(() => page.textContent("#coverage-title")).toBe("Coverage");
    await page.close();
  });
});
