import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureGraphSchema } from "../functions/graph/graph-schema";
import { cypher, testDriver } from "./support/graph";
import { hsdsUuid } from "../functions/formats/hsds/terms";

const root = join(import.meta.dirname, "..");

describe("npm run seed -- --indexes-only", () => {
  afterAll(() => ensureGraphSchema(testDriver()));

  it("creates a missing index on the graph NEO4J_URI names, and the indexed id a record written before lacks, and loads nothing, so that a coordinator's edit stays", async () => {
    const [actor] = await cypher<{ id: string }>("MATCH (a:Actor) RETURN a.id AS id ORDER BY a.id LIMIT 1");
    await cypher("MATCH (a:Actor {id: $id}) SET a.description = 'modifié par une coordinatrice'", actor!);
    await cypher("DROP INDEX actor_rna IF EXISTS");
    await cypher("MATCH (a:Actor {id: $id}) REMOVE a.publishedHsdsId", actor!);
    const [before] = await cypher<{ nodes: number }>("MATCH (n) RETURN count(n) AS nodes");

    const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "local", "seed.ts"), "--indexes-only"], { cwd: root, encoding: "utf8", env: process.env });

    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("nothing loaded");
    expect(await cypher("SHOW INDEXES YIELD name WHERE name = 'actor_rna' RETURN name")).toEqual([{ name: "actor_rna" }]);
    expect(await cypher("MATCH (a:Actor {id: $id}) RETURN a.description AS description, a.publishedHsdsId AS published", actor!)).toEqual([
      { description: "modifié par une coordinatrice", published: hsdsUuid("actor", actor!.id) },
    ]);
    expect(await cypher<{ nodes: number }>("MATCH (n) RETURN count(n) AS nodes")).toEqual([before]);
  }, 120_000);
});
