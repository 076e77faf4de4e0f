/**
 * The "Orientation" web app in a real browser (Debian's Chromium through playwright-core), served by
 * the local server next to /graphql against the tests' Neo4j: the route journeys, quick exit, share,
 * print, failures, and what a professional sees that the public does not. The API runs only
 * registered operations for anonymous callers, as a production stage may: the app must still work.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, startWebApp } from "./support/web-app";
import { neutralSite } from "../web/src/quick-exit";
import { routeQuery } from "../web/src/queries";
import { catalogues } from "../web/src/i18n/catalogue";

/** The app sends its registered operations by hash (web/src/api.ts). */
const routeQueryHash = String(routeQuery.__meta__?.hash).replace(/^sha256:/, "");

let origin: string;
let browser: Browser;

beforeAll(async () => {
  [origin, browser] = await Promise.all([startWebApp({ ANONYMOUS_OPERATIONS: "registered" }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
});

/** A context whose neutral site answers locally: the tests reach no other host. */
const fr = catalogues.fr;

async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, ...options });
  await context.route(`${new URL(neutralSite).origin}/**`, (route) => route.fulfill({ contentType: "text/html", body: "<title>Météo</title><p>Météo</p>" }));
  return { context, page: await context.newPage() };
}

interface RouteRequestForm {
  commune: string;
  situations: string[];
  urgency?: "IMMEDIATE_DANGER" | "URGENT" | "PLANNED";
  at?: string;
  withChildren?: boolean;
}

async function askRoute(page: Page, request: RouteRequestForm): Promise<void> {
  await page.goto(`${origin}/`);
  await page.fill("#commune", request.commune);
  for (const situation of request.situations) await page.check(`#situation-${situation}`);
  await page.check(`#urgency-${request.urgency ?? "PLANNED"}`);
  if (request.withChildren) await page.check("#with-children");
  if (request.at) await page.fill("#at", request.at);
  await page.click("button[type=submit]");
  await page.waitForSelector(".route, .result .error");
}

const saturdayNight = "2026-12-05T23:30";
const dangerAtNight: RouteRequestForm = { commune: "Nanterre (92050)", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: saturdayNight };

describe("without JavaScript or without the API", () => {
  it("shows the emergency numbers, the quick exit and French in the static page", async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${origin}/`);

    expect(await page.getAttribute("html", "lang")).toBe("fr");
    const hrefs = await page.$$eval(".emergency a", (links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(["tel:17", "tel:112", "sms:114", "tel:3919"]);
    expect(await page.textContent(".emergency")).toContain("Violences Femmes Info");
    expect(await page.textContent("#quick-exit")).toBe("Quitter rapidement");
    await context.close();
  });

  it("keeps the emergency numbers and says in French that the service does not answer when the API is down", async () => {
    const { context, page } = await newPage();
    await context.route(`${origin}/graphql`, (route) => route.abort("connectionrefused"));
    await askRoute(page, dangerAtNight);

    expect(await page.textContent(".result .error")).toContain("Le service ne répond pas");
    expect(await page.isVisible(".emergency a[href='tel:3919']")).toBe(true);
    expect(await page.isVisible(".emergency a[href='sms:114']")).toBe(true);
    await context.close();
  });
});

describe("the route", () => {
  it("shows progress while a slow answer comes", async () => {
    const { context, page } = await newPage();
    await context.route(`${origin}/graphql`, async (route) => {
      if (route.request().postData()?.includes(routeQueryHash)) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${origin}/`);
    await page.fill("#commune", "92050");
    await page.check("#situation-SEXUAL_VIOLENCE");
    await page.click("button[type=submit]");

    expect(await page.textContent(".progress[role=status]")).toContain("Recherche du parcours");
    await page.waitForSelector(".route");
    expect(await page.locator(".progress").count()).toBe(0);
    await context.close();
  });

  it("puts the emergency block first for a woman in danger at night, with tel: and sms: links", async () => {
    const { context, page } = await newPage();
    await askRoute(page, dangerAtNight);

    const blocks = await page.$$eval(".route > section, .route > h2", (nodes) => nodes.map((n) => n.className || n.tagName));
    expect(blocks[0]).toBe("emergency-now");
    const hrefs = await page.$$eval(".emergency-now a", (links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(expect.arrayContaining(["tel:17", "tel:112", "sms:114", "tel:3919"]));
    expect(await page.title()).not.toMatch(/Nanterre|conjugal|danger/i);
    await context.close();
  });

  it("shows, on a Saturday night, a listening line that is open now as the first listening option", async () => {
    const { context, page } = await newPage();
    await askRoute(page, { commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "PLANNED", at: saturdayNight });

    const firstListening = page.locator("#need-LISTENING + ol > li").first();
    expect(await firstListening.locator(".open").textContent()).toContain("Ouvert maintenant");
    expect(await page.textContent(".route")).toMatch(/Vérifié le \d+ \w+ \d{4}/);
    await context.close();
  });

  it("says in French that a commune is unknown and offers close names that run the route", async () => {
    const { context, page } = await newPage();
    await askRoute(page, { commune: "Nanterr", situations: ["SEXUAL_VIOLENCE"] });

    expect(await page.textContent(".result .error h2")).toContain("Commune inconnue");
    const suggestion = page.getByRole("button", { name: "Nanterre (92050)" });
    await suggestion.click();
    await page.waitForSelector(".route");
    expect(await page.textContent(".route")).toContain("Nanterre (92050)");
    await context.close();
  });

  it("asks to choose when several communes bear the name", async () => {
    const { context, page } = await newPage();
    await askRoute(page, { commune: "Saint-Denis", situations: ["SEXUAL_VIOLENCE"] });

    expect(await page.textContent(".result .error h2")).toContain("Plusieurs communes portent ce nom");
    expect(await page.locator(".suggestions li").count()).toBeGreaterThan(1);
    await context.close();
  });

  it("can be asked with the keyboard alone, with a visible focus", async () => {
    const { context, page } = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/`);
    const focusOutline = async () => page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);

    await page.keyboard.press("Tab");
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.id)) !== "commune"; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("commune");
    await page.keyboard.type("92050");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("situation-INTIMATE_PARTNER_VIOLENCE");
    expect(await focusOutline()).toBe("solid");
    await page.keyboard.press("Space");
    await page.focus("#urgency-URGENT");
    await page.keyboard.press("Space");
    await page.focus("button[type=submit]");
    expect(await focusOutline()).toBe("solid");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".route");

    expect(await page.evaluate(() => document.activeElement?.id)).toBe("emergency-now-title");
    expect(await page.textContent(".route")).toContain("Nanterre (92050)");
    await context.close();
  });

  it("says when the list of left-out services was shortened", async () => {
    const { context, page } = await newPage();
    // Gennevilliers' complaint: the commissariats of 8 other communes answer it, more than a need lists.
    await askRoute(page, { commune: "92036", situations: ["INTIMATE_PARTNER_VIOLENCE"] });
    await page.click(".excluded summary");
    expect(await page.textContent(".excluded .excluded-truncated")).toBe(fr.excludedTruncated);
    await context.close();
  });

  it("prints the route on one A4 page with the phones written in full and without the form", async () => {
    const { context, page } = await newPage({ viewport: { width: 1280, height: 900 } });
    await askRoute(page, { commune: "92050", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "URGENT", at: saturdayNight });
    await page.emulateMedia({ media: "print" });

    expect(await page.isVisible(".route-form")).toBe(false);
    expect(await page.isVisible("#quick-exit")).toBe(false);
    expect(await page.isVisible(".route")).toBe(true);
    expect(await page.textContent(".route")).toMatch(/\d{2} \d{2} \d{2} \d{2} \d{2}|3919/);
    const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
    await context.close();
  });
});

describe("share", () => {
  it("makes a link of the request's parameters only, which reproduces the route", async () => {
    const { context, page } = await newPage();
    await askRoute(page, { ...dangerAtNight, withChildren: true });
    const smsHref = (await page.getAttribute(".share a[href^='sms:']", "href"))!;
    const link = decodeURIComponent(smsHref.replace(/^sms:\?&body=/, ""));
    const options = await page.$$eval(".option h4", (titles) => titles.map((t) => t.textContent));

    const url = new URL(link);
    expect(url.origin).toBe(origin);
    expect([...new Set(url.searchParams.keys())].sort()).toEqual(["commune", "enfants", "quand", "situation", "urgence"]);
    const shared = await context.newPage();
    await shared.goto(link);
    await shared.waitForSelector(".route");
    expect(await shared.$$eval(".option h4", (titles) => titles.map((t) => t.textContent))).toEqual(options);
    await context.close();
  });
});

describe("quick exit", () => {
  async function pageWithHistory(): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await newPage();
    await opened.page.goto(`${origin}/securite`);
    await opened.page.click("nav a[href='/annuaire']");
    await opened.page.waitForSelector("#search");
    return opened;
  }

  async function expectLeftWithoutBack(page: Page): Promise<void> {
    await page.waitForURL(neutralSite);
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toContain(origin);
  }

  it("leaves for a neutral site by the button, and Back does not return", async () => {
    const { context, page } = await pageWithHistory();
    await page.click("#quick-exit");
    await expectLeftWithoutBack(page);
    await context.close();
  });

  it("leaves by Échap", async () => {
    const { context, page } = await pageWithHistory();
    await page.keyboard.press("Escape");
    await expectLeftWithoutBack(page);
    await context.close();
  });

  it("leaves by Shift pressed three times, but not by typing capitals", async () => {
    const { context, page } = await pageWithHistory();
    await page.fill("#search", "");
    await page.focus("#search");
    await page.keyboard.type("ALCV");
    expect(page.url()).toContain(origin);

    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await expectLeftWithoutBack(page);
    await context.close();
  });

  it("stays visible above the page while scrolling", async () => {
    const { context, page } = await newPage();
    await askRoute(page, dangerAtNight);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));

    const box = await page.locator("#quick-exit").boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(60);
    const topElement = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.id, { x: box!.x + 5, y: box!.y + 5 });
    expect(topElement).toBe("quick-exit");
    await context.close();
  });
});

describe("privacy", () => {
  it("asks only its own origin and stores nothing on the device", async () => {
    const { context, page } = await newPage();
    const hosts = new Set<string>();
    page.on("request", (request) => {
      if (!request.url().startsWith("data:")) hosts.add(new URL(request.url()).origin);
    });
    await askRoute(page, dangerAtNight);
    await page.click(".option h4 a");
    await page.waitForSelector("article.actor h1");
    await page.click("nav a[href='/annuaire']");
    await page.fill("#search", "escale");
    await page.press("#search", "Enter");
    await page.waitForSelector(".results li");

    expect([...hosts]).toEqual([origin]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    await context.close();
  });
});

describe("professionals", () => {
  const shelterRoute: RouteRequestForm = { commune: "92036", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: saturdayNight, withChildren: true };

  async function signIn(page: Page, role: string): Promise<void> {
    await page.click("nav a[href='/pro']");
    await page.selectOption("#dev-role", role);
    await page.click(".dev-sign-in button[type=submit]");
    await page.waitForSelector(".signed-in");
  }

  it("lets a shelter operator update its free places, which a professional's route then counts and the public's does not", async () => {
    const { context, page } = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/`);
    await signIn(page, "SHELTER_OPERATOR");
    const firstShelter = page.locator(".places-form", { hasText: "Hébergement des femmes et de leurs enfants" });
    await firstShelter.locator("input").fill("4");
    await firstShelter.locator("button").click();
    await expect.poll(() => firstShelter.locator("[role=status]").textContent(), { timeout: 15_000 }).toContain("Enregistré");

    await page.click("nav a[href='/']");
    await page.fill("#commune", shelterRoute.commune);
    await page.check("#situation-INTIMATE_PARTNER_VIOLENCE");
    await page.check("#urgency-IMMEDIATE_DANGER");
    await page.check("#with-children");
    await page.fill("#at", saturdayNight);
    await page.click("button[type=submit]");
    await page.waitForSelector(".route");
    expect(await page.locator("[data-places-count]").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-places-count]").allTextContents()).toContain("4");

    const visitor = await newPage();
    await askRoute(visitor.page, shelterRoute);
    expect(await visitor.page.locator("[data-places-count]").count()).toBe(0);
    expect(await visitor.page.textContent(".route")).toMatch(/Places libres : (oui|non|inconnu)/);
    await visitor.context.close();
    await context.close();
  });

  it("keeps a professional's session in memory only: nothing on the device, gone on reload", async () => {
    const { context, page } = await newPage();
    await page.goto(`${origin}/`);
    await signIn(page, "FRONTLINE");

    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, ""]);
    await page.goto(`${origin}/pro`);
    expect(await page.locator(".dev-sign-in").count()).toBe(1);
    await context.close();
  });
});
