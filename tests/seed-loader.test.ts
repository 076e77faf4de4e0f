import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countGraph } from "../functions/graph/load-dataset";
import { InvalidDatasetError, seedGraph } from "../local/seed-graph";
import { seedDir } from "../local/seed-files";
import { testDriver } from "./support/graph";

const scratchDirs: string[] = [];
afterAll(() => Promise.all(scratchDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of seed/ with one more file, to load broken data without touching the real dataset. */
async function seedCopyWith(fileName: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "parcours-seed-"));
  scratchDirs.push(dir);
  await cp(seedDir, dir, { recursive: true });
  await writeFile(join(dir, fileName), content);
  return dir;
}

async function graphCounts() {
  const session = testDriver().session();
  try {
    return await session.executeRead(countGraph);
  } finally {
    await session.close();
  }
}

describe("loading seed/ into Neo4j", () => {
  it("changes nothing when run a second time", async () => {
    const before = await graphCounts();

    const second = await seedGraph(testDriver());

    expect(second.nodesCreated).toBe(0);
    expect(second.relationshipsCreated).toBe(0);
    expect({ nodes: second.nodes, relationships: second.relationships }).toEqual(before);
  });

  it("rejects a file with a broken record, names file, line, record and field, and writes nothing", async () => {
    const dir = await seedCopyWith(
      "zz-broken.yaml",
      [
        "locations:",
        "  - id: lieu-casse",
        "    name: Lieu sans commune valide",
        "    commune: '9205'",
        "    source: seed-002",
        "actors:",
        "  - id: association-sans-source",
        "    name: Association sans source",
        "    kind: ASSOCIATION",
        "  - id: association-aux-horaires-faux",
        "    name: Association aux horaires faux",
        "    kind: ASSOCIATION",
        "    source: seed-002",
        "    services:",
        "      - id: permanence-aux-horaires-faux",
        "        name: Permanence",
        "        kind: LEGAL_PERMANENCE",
        "        audience: VICTIMS",
        "        needs: [LEGAL_ADVICE]",
        "        area: ['92']",
        "        schedule: { openingHours: 'lundi matin', source: seed-002 }",
        "        source: seed-002",
      ].join("\n"),
    );
    const before = await graphCounts();

    const error = await seedGraph(testDriver(), dir).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InvalidDatasetError);
    const problems = (error as InvalidDatasetError).problems.map(({ file, line, record, field }) => ({ file, line, record, field }));
    expect(problems).toEqual([
      { file: "seed/zz-broken.yaml", line: 4, record: "locations: lieu-casse", field: "commune" },
      { file: "seed/zz-broken.yaml", line: 7, record: "actors: association-sans-source", field: "source" },
      {
        file: "seed/zz-broken.yaml",
        line: 21,
        record: "actors: association-aux-horaires-faux / services: permanence-aux-horaires-faux",
        field: "schedule.openingHours",
      },
    ]);
    expect(await graphCounts()).toEqual(before);
  });

  it("rejects a record that cites a source nobody declared", async () => {
    const dir = await seedCopyWith(
      "zz-unknown-source.yaml",
      ["actors:", "  - id: association-mal-sourcee", "    name: Association", "    kind: ASSOCIATION", "    source: page-inventee"].join("\n"),
    );

    const error = (await seedGraph(testDriver(), dir).catch((e: unknown) => e)) as InvalidDatasetError;

    expect(error.problems).toEqual([
      {
        file: "seed/zz-unknown-source.yaml",
        line: 5,
        record: "actors: association-mal-sourcee",
        field: "source",
        reason: 'unknown source "page-inventee": declare it in seed/sources.yaml',
      },
    ]);
  });
});
