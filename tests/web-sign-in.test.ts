/**
 * Production sign-in in a real browser: the production build of the web app (no development
 * sign-in) configured for a real OpenID Connect provider (tests/support/identity-provider.ts), the
 * API verifying its access tokens against the provider's JWKS. Authorization code with PKCE in a
 * pop-up; the token stays in the page's memory; what each role then sees.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { cypher } from "./support/graph";
import { startIdentityProvider, type RunningIdentityProvider } from "./support/identity-provider";
import { freePort } from "../local/free-port";
import { axeViolations, launchChromium } from "./support/web-app";

const clientId = "parcours-web";
const audience = "https://api.parcours.test/graphql";

let origin: string;
let identityProvider: RunningIdentityProvider;
let browser: Browser;
let buildDir: string;

beforeAll(async () => {
  const [appPort, providerPort] = [await freePort(), await freePort()];
  origin = `http://localhost:${appPort}`;
  // Another host name than the app's, so the provider's cookies are not the app's (cookies ignore ports).
  identityProvider = await startIdentityProvider({ port: providerPort, host: "127.0.0.1", clientId, redirectUri: `${origin}/sign-in-return.html`, audience });

  buildDir = await mkdtemp(join(tmpdir(), "parcours-web-oidc-"));
  Object.assign(process.env, { VITE_OIDC_ISSUER: identityProvider.issuer, VITE_OIDC_CLIENT_ID: clientId, VITE_OIDC_RESOURCE: audience, VITE_OIDC_SCOPE: "openid parcours" });
  const { build } = await import("vite");
  await build({ configFile: join(import.meta.dirname, "../web/vite.config.ts"), mode: "production", logLevel: "warn", build: { outDir: buildDir, emptyOutDir: true } });

  Object.assign(process.env, { JWT_JWKS_URL: identityProvider.jwksUrl, JWT_ISSUER: identityProvider.issuer, JWT_AUDIENCE: audience });
  const { serveLocally } = await import("../local/server");
  await serveLocally(appPort, { webRoot: buildDir, identityProviderOrigin: identityProvider.issuer });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await identityProvider?.stop();
  if (buildDir) await rm(buildDir, { recursive: true, force: true });
});

async function openProfessionalsPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.click("nav a[href='/pro']");
  return { context, page };
}

/** Clicks "Se connecter" and signs in at the provider's own login form, in the pop-up. */
async function signIn(page: Page, login: string): Promise<void> {
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.click(".sign-in button.primary")]);
  await popup.waitForSelector("input[name=login]");
  await popup.fill("input[name=login]", login);
  await popup.fill("input[name=password]", "any password");
  await Promise.all([popup.waitForEvent("close"), popup.click("button[type=submit]")]);
}

describe("signing in with the identity provider", () => {
  it("offers the provider's sign-in, not the development one, in the production build", async () => {
    const { context, page } = await openProfessionalsPage();
    expect(await page.locator(".sign-in button.primary").textContent()).toBe("Se connecter");
    expect(await page.locator(".dev-sign-in").count()).toBe(0);
    const assets = await readdir(join(buildDir, "assets"));
    const entry = await readFile(join(buildDir, "assets", assets.find((name) => name.startsWith("index-") && name.endsWith(".js"))!), "utf8");
    // The sign-in code is loaded on the click only: victim-facing pages do not carry it.
    expect(entry).not.toContain("code_challenge_method");
    await context.close();
  });

  it("signs a coordinator in with a code and PKCE, keeps the token in memory, and the API accepts it", async () => {
    const { context, page } = await openProfessionalsPage();
    const providerRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().startsWith(identityProvider.issuer)) providerRequests.push(request.url());
    });
    const historyBefore = await page.evaluate(() => history.length);
    await signIn(page, "coordinatrice-92");

    await page.waitForSelector(".signed-in");
    expect(await page.textContent(".signed-in")).toContain("Coordination");
    // The coordinator's audit log comes from the API, which verified the provider's token.
    await page.waitForSelector(".places-audit table, .places-audit p:not(.hint)");
    expect(await page.locator(".places-audit [role=alert]").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(providerRequests.some((url) => url.includes("/token"))).toBe(true);

    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, ""]);
    const appCookies = await context.cookies(origin);
    expect(appCookies).toEqual([]);

    await page.reload();
    expect(await page.locator(".sign-in button.primary").count()).toBe(1);
    await context.close();
  });

  it("lets a shelter operator signed in at the provider update its places, seen in its coordinator's audit log", async () => {
    const operator = await openProfessionalsPage();
    await signIn(operator.page, "escale-hebergement");
    const form = operator.page.locator(".places-form").first();
    await form.waitFor();
    const shelterName = (await form.locator("h3").textContent())!;
    await form.locator("input").fill("3");
    await form.locator("button").click();
    await expect.poll(() => form.locator("[role=status]").textContent(), { timeout: 15_000 }).toContain("Enregistré");

    const [written] = await cypher<{ subject: string; role: string }>(
      "MATCH (a:AuditRecord {operation: 'updatePlacesFree'}) RETURN a.subject AS subject, a.role AS role ORDER BY a.at DESC LIMIT 1",
    );
    expect(written).toEqual({ subject: "escale-hebergement", role: "SHELTER_OPERATOR" });

    const coordinator = await openProfessionalsPage();
    await signIn(coordinator.page, "coordinatrice-92");
    const latest = coordinator.page.locator(".places-audit tbody tr").first();
    await latest.waitFor();
    await expect.poll(() => latest.locator("td").nth(1).textContent(), { timeout: 15_000 }).toBe(shelterName);
    const cells = await latest.locator("td").allTextContents();
    expect(cells[2]).toMatch(/→ 3$/);
    expect(cells[3]).toContain("escale-hebergement");
    await operator.context.close();
    await coordinator.context.close();
  });

  it("says so in French when the account has no Parcours role", async () => {
    const { context, page } = await openProfessionalsPage();
    await signIn(page, "sans-role");
    await page.waitForSelector(".sign-in [role=alert]");
    expect(await page.textContent(".sign-in [role=alert]")).toContain("pas de rôle Parcours");
    expect(await page.locator(".signed-in").count()).toBe(0);
    await context.close();
  });
});
