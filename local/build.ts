/**
 * `npm run build`: bundles each Lambda function as SST does with the stacks' settings (esbuild, ESM
 * for Node 22, tree-shaken, minified, split at dynamic imports, a `require` for the CommonJS
 * dependencies) into dist/<function>/index.mjs, and prints each bundle's size. dist/ is what
 * `npm run bench:coldstart` loads.
 */
import { build } from "esbuild";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const root = join(import.meta.dirname, "..");
export const distDir = join(root, "dist");
export const functionNames = ["graphql", "import", "export"] as const;

const mb = (bytes: number) => (bytes / 1e6).toFixed(2).padStart(5);

const requireShim = [
  'import { createRequire as __parcoursCreateRequire } from "node:module";',
  "const require = __parcoursCreateRequire(import.meta.url);",
].join("\n");

await rm(distDir, { recursive: true, force: true });
const rows: string[] = [];
for (const name of functionNames) {
  const outdir = join(distDir, name);
  const result = await build({
    entryPoints: { index: join(root, "functions", `${name}.ts`) },
    outdir,
    outExtension: { ".js": ".mjs" },
    // Code behind a dynamic import() goes to a chunk that only loads when it runs.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    platform: "node",
    target: "node22",
    format: "esm",
    minify: true,
    treeShaking: true,
    sourcemap: false,
    metafile: true,
    banner: { js: requireShim },
    logLevel: "warning",
  });
  await writeFile(join(outdir, "meta.json"), JSON.stringify(result.metafile));
  // What init loads: the entry and the chunks it imports statically; the rest waits for a dynamic import().
  const outputs = result.metafile.outputs;
  const atInit = new Set<string>();
  const visit = (file: string) => {
    if (atInit.has(file)) return;
    atInit.add(file);
    for (const imported of outputs[file]!.imports) if (imported.kind === "import-statement" && imported.path in outputs) visit(imported.path);
  };
  visit(Object.keys(outputs).find((file) => file.endsWith(`${name}/index.mjs`))!);
  const bytes = (files: string[]) => files.reduce((n, file) => n + outputs[file]!.bytes, 0);
  const initFiles = [...atInit];
  const gzipped = (await Promise.all(initFiles.map(async (file) => gzipSync(await readFile(join(root, file))).length))).reduce((a, b) => a + b, 0);
  const later = Object.keys(outputs).filter((file) => !atInit.has(file) && file.endsWith(".mjs"));
  rows.push(
    `${name.padEnd(8)} ${mb(bytes(initFiles))} MB minified (${mb(gzipped)} MB gzipped) loaded at init, + ${mb(bytes(later))} MB loaded on first use  dist/${name}/`,
  );
}
console.log(rows.join("\n"));
