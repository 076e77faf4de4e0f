/**
 * The emergency lines shipped with the route function (generated/emergency-lines.ts, written by
 * codegen from seed/) are those the route query finds in the seeded graph: the degraded route and
 * the normal one give the same numbers, labels, channels, sources and hours.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { referralRouteCypher } from "../generated/cypher";
import { emergencyLines } from "../generated/emergency-lines";
import { childEmergencyNumber, emergencyNumbers } from "../functions/routes/emergency-numbers";
import { outOfReachLookedAt } from "../functions/routes/out-of-reach-looked-at";
import { emergencyLinesOfSeed } from "../local/emergency-lines";
import { seedDir } from "../local/seed-files";
import { cypher } from "./support/graph";

describe("emergency lines shipped with the route", () => {
  it("are what the route query returns from the seeded graph for the same numbers", async () => {
    const numbers = [...emergencyNumbers, childEmergencyNumber];
    const records = await cypher<{ emergency: { number: string }[] | null }>(referralRouteCypher, {
      request: {
        communeCode: "92050",
        departement: "92",
        needs: [],
        urgentNeeds: [],
        situations: ["INTIMATE_PARTNER_VIOLENCE"],
        audiences: ["VICTIMS", "GENERAL_PUBLIC"],
        emergencyNumbers: numbers,
        keptAreas: [],
        surroundingsKept: false,
        outOfReachLookedAt,
      },
    });
    // The first record of the route's answer holds its emergency numbers; the others, a candidate each.
    const fromGraph = [...records.find((record) => record.emergency !== null)!.emergency!].sort((a, b) => numbers.indexOf(a.number) - numbers.indexOf(b.number));
    expect(fromGraph.map((line) => line.number)).toEqual(numbers);
    expect(emergencyLines).toEqual(fromGraph);
  });

  it("are generated from seed/ as it is now", async () => {
    expect(await emergencyLinesOfSeed()).toEqual(emergencyLines);
  });

  it("refuse a seed/ that lacks a number rather than ship a route without it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "parcours-seed-"));
    try {
      // The dataset files only: seed/mappings/ is no dataset.
      for (const name of (await readdir(seedDir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)) {
        const text = await readFile(join(seedDir, name), "utf8");
        await writeFile(join(dir, name), name === "national-lines.yaml" ? text.replace('value: "114"', 'value: "115"') : text);
      }
      await expect(emergencyLinesOfSeed(dir)).rejects.toThrow(/no national service with a PHONE or SMS contact 114/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
