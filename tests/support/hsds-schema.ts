/**
 * The official HSDS 3.0 JSON Schemas (tests/fixtures/hsds-3.0, see its README), compiled with Ajv the
 * way the specification's own CI checks its examples: additionalProperties set to false everywhere,
 * so that a misspelt field fails too.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const schemaDir = join(import.meta.dirname, "..", "fixtures", "hsds-3.0", "schema");

function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== "object") return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === "properties" ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closed(s)])) : closed(v)]));
  if ("properties" in copy && copy.type === "object") copy.additionalProperties = false;
  return copy;
}

/** A validator for an HSDS page of organizations: the openapi Page envelope, its contents the compiled organization schema. */
export async function hsdsPageValidator(): Promise<ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const read = async (name: string) => JSON.parse(await readFile(join(schemaDir, name), "utf8")) as Record<string, unknown>;
  const organization = closed(await read("compiled/organization.json"));
  const openapi = (await read("openapi.json")) as { components: { schemas: { Page: { properties: object } } } };
  const page = openapi.components.schemas.Page;
  return ajv.compile({
    type: "object",
    required: [...Object.keys(page.properties), "contents"],
    properties: { ...page.properties, contents: { type: "array", items: organization } },
    additionalProperties: false,
  });
}
