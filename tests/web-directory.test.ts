/**
 * The web app's directory, actor pages and every page's accessibility (axe-core at 360 px and
 * 1280 px), the language switch, and the production bundle, which must not carry the development
 * sign-in. Screenshots of the pages go to web/screenshots/ for the README. The API runs only registered
 * operations for anonymous callers, as a production stage may.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ensureWebBuild } from "../local/web-build";
import { axeViolations, launchChromium, startWebApp } from "./support/web-app";

let origin: string;
let browser: Browser;

beforeAll(async () => {
  [origin, browser] = await Promise.all([startWebApp({ ANONYMOUS_OPERATIONS: "registered" }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
});

async function search(page: Page, text: string): Promise<void> {
  await page.goto(`${origin}/annuaire`);
  await page.fill("#search", text);
  await page.press("#search", "Enter");
  await page.waitForSelector(".results li");
}

describe("directory", () => {
  it("lists help for victims before perpetrators' programmes, which it labels, for « violences conjugales »", async () => {
    const page = await browser.newPage();
    await search(page, "violences conjugales");

    const items = await page.$$eval(".results li", (lis) => lis.map((li) => ({ name: li.querySelector("a")!.textContent, perpetrators: li.querySelector(".perpetrator") !== null })));
    const alcv = items.findIndex((i) => /ALCV|auteurs/i.test(i.name ?? "") || i.perpetrators);
    expect(alcv).toBeGreaterThan(0);
    expect(items[alcv]!.perpetrators).toBe(true);
    expect(items[0]!.perpetrators).toBe(false);
    await page.close();
  });

  it("opens an actor's page from a search, with its services, hours, contacts, area, relations and sources", async () => {
    const page = await browser.newPage();
    await search(page, "escale");
    await page.click(".results li a");
    await page.waitForSelector("article.actor h1");

    expect(await page.textContent("article.actor h1")).toContain("Escale");
    for (const heading of ["Services", "Liens", "Sources"]) expect(await page.locator("article.actor h2", { hasText: heading }).count()).toBe(1);
    expect(await page.locator("article.actor .service").count()).toBeGreaterThan(1);
    expect(await page.textContent("article.actor")).toMatch(/Horaires :/);
    expect(await page.locator("article.actor a[href^='tel:']").count()).toBeGreaterThan(0);
    await page.click("article.actor dd a");
    await page.waitForFunction(() => !document.querySelector("article.actor h1")?.textContent?.includes("Escale"));
    expect(new URL(page.url()).pathname).toMatch(/^\/acteur\//);
    await page.close();
  });
});

describe("accessibility", () => {
  const pages: { name: string; path: string; ready: string; act?: (page: Page) => Promise<void> }[] = [
    { name: "orientation", path: "/", ready: "#commune" },
    {
      name: "route",
      path: "/?commune=92050&situation=INTIMATE_PARTNER_VIOLENCE&urgence=IMMEDIATE_DANGER&enfants=1&quand=2026-12-05T23:30",
      ready: ".route",
      act: async (page) => page.click(".excluded summary"),
    },
    { name: "commune-error", path: "/?commune=Nanterr&situation=SEXUAL_VIOLENCE", ready: ".suggestions li" },
    { name: "annuaire", path: "/annuaire?q=violences%20conjugales", ready: ".results li" },
    { name: "acteur", path: "/acteur/lescale", ready: "article.actor h1" },
    { name: "securite", path: "/securite", ready: "main h1" },
    { name: "pro", path: "/pro", ready: ".dev-sign-in" },
  ];
  const widths = [360, 1280];

  for (const width of widths) {
    it(`finds no axe-core violation on any page at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const found: Record<string, string[]> = {};
      for (const { name, path, ready, act } of pages) {
        const page = await context.newPage();
        await page.goto(`${origin}${path}`);
        await page.waitForSelector(ready, { timeout: 20_000 });
        // Only on demand: a screenshot differs at each run, and a test run leaves the tree as it found it.
        if (process.env.UPDATE_SCREENSHOTS === "1" && (name === "route" || name === "orientation" || name === "annuaire")) {
          await page.screenshot({ path: join(import.meta.dirname, "..", "web", "screenshots", `${name}-${width}.png`) });
        }
        await act?.(page);
        const violations = await axeViolations(page);
        if (violations.length) found[name] = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        await page.close();
      }
      await context.close();

      expect(found).toEqual({});
    }, 120_000);
  }

  it("switches every string to English and back, html lang included", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector("#commune");
    await page.click("#language-switch");

    // Preact renders after the click's task: poll until the switch has gone through.
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
    await expect.poll(() => page.textContent("#quick-exit")).toBe("Leave this site");
    await expect.poll(() => page.textContent("main h1")).toBe("Referral");
    await expect.poll(() => page.textContent("label[for=situation-INTIMATE_PARTNER_VIOLENCE]")).toBe("Intimate partner violence");
    await page.click("#language-switch");
    await expect.poll(() => page.textContent("#quick-exit")).toBe("Quitter rapidement");
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("fr");
    await page.close();
  });
});

describe("builds", () => {
  async function bundleText(dir: string): Promise<string> {
    const assets = join(dir, "assets");
    const files = (await readdir(assets)).filter((f) => f.endsWith(".js"));
    return (await Promise.all(files.map((f) => readFile(join(assets, f), "utf8")))).join("\n");
  }

  it("compiles the development sign-in out of the production bundle", async () => {
    const developer = await ensureWebBuild("developer");
    const production = await ensureWebBuild("production", { force: true });

    expect(await bundleText(developer.dir)).toContain("/local/sign-in");
    const productionBundle = await bundleText(production.dir);
    expect(productionBundle).not.toContain("/local/sign-in");
    expect(productionBundle).not.toContain("dev-role");
  }, 120_000);
});
