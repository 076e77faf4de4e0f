/**
 * Allowlist mode (ANONYMOUS_OPERATIONS=registered), over real HTTP: without a token, only the
 * registered operations run (the partners' of published/operations.json and the web app's own), sent
 * by hash; a PARTNER_APP token may send any query.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import registered from "../published/operations.json";
import webAppOperations from "../generated/web-client/persisted-documents.json";
import { startLocalApi } from "./support/local-api";
import { tokenFor } from "./support/tokens";

// Read by the handler when the local server first loads it.
process.env.ANONYMOUS_OPERATIONS = "registered";

let url: string;
beforeAll(async () => {
  url = await startLocalApi();
});

const [whatServesKey] = Object.entries(registered as Record<string, string>).find(([, query]) => query.includes("WhatServesACommune"))!;
const whatServesHash = whatServesKey.replace(/^sha256:/, "");
const freeForm = "{ actors(where: { id: { eq: \"adavip-92\" } }) { name } }";
const headers = { accept: "application/graphql-response+json", "content-type": "application/json" };

type Answer = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

async function byHash(sha256Hash: string, variables: Record<string, unknown>) {
  const params = new URLSearchParams({ variables: JSON.stringify(variables), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }) });
  const response = await fetch(`${url}?${params}`, { headers: { accept: headers.accept, "apollo-require-preflight": "true" } });
  return { response, answer: (await response.json()) as Answer };
}

async function post(body: Record<string, unknown>, token?: string) {
  const response = await fetch(url, { method: "POST", headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { response, answer: (await response.json()) as Answer };
}

describe("allowlist mode", () => {
  it("runs a registered operation sent by its hash, as a cacheable GET", async () => {
    const { response, answer } = await byHash(whatServesHash, { commune: "92050" });

    expect(response.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect((answer.data?.territories as { name: string }[])[0]?.name).toBe("Nanterre");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
  });

  it("knows every operation of the web app: none is refused as unregistered", async () => {
    const refused: string[] = [];
    for (const [key, query] of Object.entries(webAppOperations as Record<string, string>)) {
      if (query.startsWith("mutation")) continue;
      const { answer } = await post({ variables: {}, extensions: { persistedQuery: { version: 1, sha256Hash: key.replace(/^sha256:/, "") } } });
      // Variables are missing, so most answers are errors; none may say the operation is unknown or forbidden.
      const unknown = (answer.errors ?? []).some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND" || /registered operations/.test(e.message));
      if (unknown) refused.push(query.slice(0, 60));
    }
    expect(Object.keys(webAppOperations).length).toBeGreaterThan(10);
    expect(refused).toEqual([]);
  });

  it("refuses a free-form query without a token", async () => {
    const { response, answer } = await post({ query: freeForm });

    expect(response.status).toBe(403);
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(answer.errors?.[0]?.message).toMatch(/registered operations/);
  });

  it("does not let an anonymous caller register a new operation", async () => {
    const sha256Hash = createHash("sha256").update(freeForm).digest("hex");
    const registering = await post({ query: freeForm, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    const later = await byHash(sha256Hash, {});

    expect(registering.response.status).toBe(403);
    expect(later.answer.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("lets a PARTNER_APP token send any query", async () => {
    const { response, answer } = await post({ query: freeForm }, await tokenFor("PARTNER_APP"));

    expect(response.status).toBe(200);
    expect(answer.data).toEqual({ actors: [{ name: expect.any(String) }] });
  });
});
