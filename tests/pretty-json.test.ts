import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { prettyJsonPieces } from "../functions/formats/pretty-json";
import { readSeedFiles } from "../local/seed-files";

const written = (value: unknown) => [...prettyJsonPieces(value)].join("");

describe("pretty JSON in pieces", () => {
  it("writes what JSON.stringify(value, null, 2) writes, byte for byte", () => {
    const values: unknown[] = [
      null,
      "texte « accentué »\nsur deux lignes",
      42,
      [],
      {},
      [[], {}, [1, [2, [3]]], { a: { b: { c: [] } } }],
      { records: [{ id: "a", at: new Date("2026-12-06T00:00:00Z"), missing: undefined, list: [undefined, () => 1, "x"] }, null], empty: [], nested: { deeper: { deepest: [1] } } },
      [undefined, Symbol("s")],
    ];
    for (const value of values) expect(written(value)).toBe(JSON.stringify(value, null, 2));
  });

  it("writes every dataset file of seed/ as JSON.stringify does", async () => {
    const { dataset } = await readSeedFiles();
    expect(dataset.length).toBeGreaterThan(3);
    for (const { file, text } of dataset) {
      const records: unknown = parse(text);
      expect(written(records), file).toBe(JSON.stringify(records, null, 2));
    }
  });

  it("writes a list made as it is written (a generator) as the array it makes", () => {
    const made: number[] = [];
    function* records() {
      for (let i = 0; i < 3; i++) {
        made.push(i);
        yield { id: `r${i}`, needs: ["LISTENING"], missing: undefined };
      }
    }
    const pieces = prettyJsonPieces({ total: 3, contents: records(), none: (function* () {})() });

    expect(made).toEqual([]);
    expect([...pieces].join("")).toBe(
      JSON.stringify({ total: 3, contents: [0, 1, 2].map((i) => ({ id: `r${i}`, needs: ["LISTENING"], missing: undefined })), none: [] }, null, 2),
    );
    expect(made).toEqual([0, 1, 2]);
  });

  it("hands a long file over in pieces, none of them the whole", () => {
    const records = Array.from({ length: 5_000 }, (_, i) => ({ id: `service-${i}`, name: "Accueil de jour ".repeat(4), needs: ["LISTENING", "LEGAL_ADVICE"] }));
    const pieces = [...prettyJsonPieces({ services: records })];

    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(80 * 1024);
    expect(pieces.join("")).toBe(JSON.stringify({ services: records }, null, 2));
  });
});
