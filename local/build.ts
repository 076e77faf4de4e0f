/**
 * `npm run build`: bundles each Lambda function as SST does (esbuild, ESM for Node 22, tree-shaken,
 * minified, a `require` for the CommonJS dependencies) into dist/<function>/index.mjs, and prints
 * each bundle's size. dist/ is what `npm run bench:coldstart` loads.
 */
import { build } from "esbuild";
import { rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";

export const root = join(import.meta.dirname, "..");
export const distDir = join(root, "dist");
export const functionNames = ["graphql", "import", "export"] as const;

const requireShim = [
  'import { createRequire as __parcoursCreateRequire } from "node:module";',
  "const require = __parcoursCreateRequire(import.meta.url);",
].join("\n");

await rm(distDir, { recursive: true, force: true });
const rows: string[] = [];
for (const name of functionNames) {
  const outfile = join(distDir, name, "index.mjs");
  const result = await build({
    entryPoints: [join(root, "functions", `${name}.ts`)],
    outfile,
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
  await writeFile(join(distDir, name, "meta.json"), JSON.stringify(result.metafile));
  const bytes = (await stat(outfile)).size;
  const gzipped = gzipSync(await readFile(outfile)).length;
  rows.push(`${name.padEnd(8)} ${(bytes / 1e6).toFixed(2).padStart(6)} MB minified  ${(gzipped / 1e6).toFixed(2).padStart(5)} MB gzipped  dist/${name}/index.mjs`);
}
console.log(rows.join("\n"));
