/**
 * The sources rule of seed/sources.yaml, checked over every source of seed/: a source whose facts
 * date from more than three years before the dataset's review is flagged unverified, and verifiedAt
 * is the date of the content, never later than the day it was read.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const seedDir = new URL("../seed/", import.meta.url);
const header = readFileSync(new URL("sources.yaml", seedDir), "utf8");
const reviewDate = /review\s*#?\s*\((\d{4}-\d{2}-\d{2})\)/.exec(header)?.[1];

interface SeedSource {
  id: string;
  verifiedAt: string | Date;
  publishedOn?: string | Date;
  unverified?: boolean;
}

const sources = readdirSync(seedDir)
  .filter((file) => file.endsWith(".yaml"))
  .flatMap((file) => ((parse(readFileSync(new URL(file, seedDir), "utf8")) as { sources?: SeedSource[] }).sources ?? []).map((s) => ({ file, ...s })));
const isoDay = (value: string | Date) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

describe("the sources rule over seed/", () => {
  it("reads the review date from seed/sources.yaml", () => {
    expect(reviewDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sources.length).toBeGreaterThan(50);
  });

  it("flags unverified every source dated more than three years before the review", () => {
    const limit = `${Number(reviewDate!.slice(0, 4)) - 3}${reviewDate!.slice(4)}`;
    const unflagged = sources.filter((s) => isoDay(s.verifiedAt) < limit && s.unverified !== true).map((s) => `${s.file}: ${s.id}`);
    expect(unflagged).toEqual([]);
  });

  it("never dates a source before its own publication", () => {
    const early = sources.filter((s) => s.publishedOn !== undefined && isoDay(s.verifiedAt) < isoDay(s.publishedOn)).map((s) => s.id);
    expect(early).toEqual([]);
  });

  it("dates the sources whose content is older than their reading by their content", () => {
    const byId = new Map(sources.map((s) => [s.id, isoDay(s.verifiedAt)]));
    expect(byId.get("hds-rapport-dd-2-5-6")).toBe("2016-12-31");
    expect(byId.get("gouv-portail-vss")).toBe("2019-05-31");
    expect(byId.get("nanterreinfo-maison-des-femmes")! < "2023-01-01").toBe(true);
    expect(byId.get("mdn-nanterre-mdf")! < "2024-01-01").toBe(true);
    expect(sources.find((s) => s.id === "hds-observatoire")?.unverified).toBe(true);
  });
});
