/**
 * The arrows between functions/'s modules point one way: no module imports, even for a type or
 * through a dynamic import(), a module that imports it back (README, Layout). TypeScript's own
 * pre-processor lists each file's imports; generated/ is outside the graph (it is written from
 * schema/, and its resolver types name a few of functions/'s types).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function modulesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/** Each module's imports of other modules of the set, as paths from the repository root. */
export function importGraph(modules: string[]): Map<string, string[]> {
  const known = new Set(modules);
  return new Map(
    modules.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), "utf8"), true, true);
      const targets = importedFiles
        .map((i) => i.fileName)
        .filter((spec) => spec.startsWith("."))
        .map((spec) => relative(root, resolve(root, dirname(file), spec)))
        .flatMap((path) => [`${path}.ts`, join(path, "index.ts")].filter((candidate) => known.has(candidate)));
      return [file, [...new Set(targets)]];
    }),
  );
}

/** The cycles of a graph, each once, as the list of its modules (depth-first search, white/grey/black). */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, "visiting");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "visiting") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe("import graph", () => {
  it("finds a cycle when there is one", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cyclesOf(graph)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
  });

  it("sees type-only and dynamic imports of functions/ as arrows", () => {
    const graph = importGraph(modulesUnder("functions"));
    expect(graph.get("functions/api/graphql-server.ts")).toContain("functions/routes/referral-route.ts");
    expect(graph.get("functions/routes/referral-route.ts")).toContain("functions/api/graphql-context.ts");
  });

  it("functions/ has no import cycle", () => {
    expect(cyclesOf(importGraph(modulesUnder("functions")))).toEqual([]);
  });
});
