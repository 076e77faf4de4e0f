/**
 * The published SDL partners build on (published/schema.graphql) is kept by the API as served
 * (generated/schema.graphql): `npm run schema:check` runs in CI, and the same comparison runs here.
 */
import { describe, expect, it } from "vitest";
import { hasChangelogEntry, readSchemas, schemaChanges, versionOf } from "../local/schema-changes";

describe("the published schema", () => {
  it("is not broken by the API as served", async () => {
    const { published, current } = await readSchemas();
    const { breaking } = await schemaChanges(published, current);

    expect(breaking.map((change) => change.message)).toEqual([]);
  });

  it("has a changelog entry for its version", async () => {
    const { published, changelog } = await readSchemas();

    expect(hasChangelogEntry(changelog, versionOf(published))).toBe(true);
  });

  it("would catch a renamed field and a field that became nullable as breaking", async () => {
    const { published } = await readSchemas();
    const broken = published
      .replace(/^  servicesInReach\(/m, "  servicesNearby(")
      .replace(/^(type Actor \{[\s\S]*?\n  name: )String!/m, "$1String");
    const { breaking } = await schemaChanges(published, broken);

    expect(broken).not.toBe(published);
    expect(breaking.map((change) => change.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/servicesInReach.*removed/), expect.stringMatching(/Actor\.name.*String!.*String/)]),
    );
  });
});
