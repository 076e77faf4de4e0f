/**
 * Partners read the API from its SDL (introspection is off in production): every type, field, input
 * field and enum value written in schema/ says what it is. Root operation types are described by
 * their fields, and arguments by the field that takes them.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Kind, parse, type DefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";

const schemaDir = join(import.meta.dirname, "..", "schema");
const rootTypes = new Set(["Query", "Mutation"]);

function undescribed(definition: DefinitionNode): string[] {
  if (!("name" in definition) || !definition.name || definition.kind === Kind.DIRECTIVE_DEFINITION) return [];
  const name = definition.name.value;
  const own = "description" in definition && !definition.description && !rootTypes.has(name) && !definition.kind.endsWith("Extension") ? [name] : [];
  const members = [...("fields" in definition ? (definition.fields ?? []) : []), ...("values" in definition ? (definition.values ?? []) : [])];
  return [...own, ...members.filter((member) => !member.description).map((member) => `${name}.${member.name.value}`)];
}

describe("schema/*.graphql", () => {
  it("describes every type, field and enum value", async () => {
    const files = (await readdir(schemaDir)).filter((file) => file.endsWith(".graphql")).sort();
    const missing: string[] = [];
    for (const file of files) {
      const document = parse(await readFile(join(schemaDir, file), "utf8"));
      missing.push(...document.definitions.flatMap(undescribed).map((what) => `${file}: ${what}`));
    }

    expect(files.length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
