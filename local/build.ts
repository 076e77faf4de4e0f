/**
 * `npm run build`: bundles each Lambda function (esbuild, ESM for Node 24, tree-shaken, minified,
 * split at dynamic imports, a `require` for the CommonJS dependencies) into dist/<function>/, and
 * prints each bundle's size. The stacks deploy these folders as they are (`bundle:` in stacks/), and
 * `npm run bench:coldstart` loads them.
 */
import { build, type Plugin } from "esbuild";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const root = join(import.meta.dirname, "..");
export const distDir = join(root, "dist");
export const functionNames = ["graphql", "import", "export", "route-digests"] as const;

const mb = (bytes: number) => (bytes / 1e6).toFixed(2).padStart(5);

const requireShim = [
  'import { createRequire as __parcoursCreateRequire } from "node:module";',
  "const require = __parcoursCreateRequire(import.meta.url);",
].join("\n");

/**
 * @as-integrations/aws-lambda require()s @apollo/server, whose CommonJS build would be a second copy
 * of the ESM build the server factory imports (with its usage-reporting protobuf): both get the ESM one.
 */
const oneApolloServer: Plugin = {
  name: "one-apollo-server",
  setup(build) {
    build.onResolve({ filter: /^@apollo\/server(\/|$)/ }, (args) =>
      args.kind === "require-call" ? build.resolve(args.path, { kind: "import-statement", resolveDir: args.resolveDir }) : undefined,
    );
  },
};

/**
 * Bundles, for the imports `filter` matches in the files of `importer`, a module of its own instead:
 * code a dependency loads only for a feature Parcours does not use, and that esbuild cannot leave out
 * by itself because it is loaded with require() or with an import() it cannot prove unused.
 */
function standIn(name: string, filter: RegExp, importer: string, contents: string): Plugin {
  return {
    name,
    setup(build) {
      build.onResolve({ filter }, (args) => (args.importer.includes(importer) ? { path: args.path, namespace: name } : undefined));
      build.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, loader: "js" }));
    },
  };
}

const failing = (message: string) => `throw new Error(${JSON.stringify(message)});`;

const standIns = [
  // Apollo Federation (0.36 MB), for a federated subgraph schema: Parcours serves a plain schema.
  standIn("no-federation", /^@apollo\/subgraph$/, "@neo4j/graphql", failing("Parcours bundles no Apollo Federation: getSubgraphSchema() is not available")),
  // rxjs (0.16 MB), for neo4j-driver's reactive sessions: Parcours uses plain sessions. Loading it
  // must not fail (the driver requires it up front), only using it.
  standIn(
    "no-reactive-sessions",
    /^rxjs(\/operators)?$/,
    "neo4j-driver",
    `module.exports = new Proxy({}, { get(_, name) {
      if (typeof name === "symbol" || name === "__esModule") return undefined;
      throw new Error("Parcours bundles no rxjs: use driver.session(), not driver.rxSession()");
    } });`,
  ),
  // Apollo GraphOS reporting (with its 0.2 MB protobuf), which Apollo Server imports only when no
  // plugin says it is disabled: functions/api/graphql-server.ts says so.
  standIn(
    "no-apollo-reporting",
    /^\.\/plugin\/(usageReporting|schemaReporting|inlineTrace)\/index\.js$/,
    "@apollo/server",
    failing("Parcours bundles no Apollo GraphOS reporting: keep its plugins disabled"),
  ),
];

await rm(distDir, { recursive: true, force: true });
const rows: string[] = [];
for (const name of functionNames) {
  const outdir = join(distDir, name);
  const result = await build({
    entryPoints: { index: join(root, "functions", "handlers", `${name}.ts`) },
    outdir,
    outExtension: { ".js": ".mjs" },
    // Code behind a dynamic import() goes to a chunk that only loads when it runs.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    platform: "node",
    target: "node24",
    format: "esm",
    minify: true,
    treeShaking: true,
    sourcemap: false,
    metafile: true,
    banner: { js: requireShim },
    // graphql-js checks, outside production, that each type it meets comes from its own copy (a
    // slower instanceof on every type test of every field). Lambda sets no NODE_ENV: the bundle says
    // it. Apollo Server's choices that follow NODE_ENV are made explicit in functions/api/graphql-server.ts.
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    plugins: [oneApolloServer, ...standIns],
    logLevel: "warning",
  });
  // Beside the folder, not in it: dist/<function>/ is what gets deployed.
  await writeFile(join(distDir, `${name}.meta.json`), JSON.stringify(result.metafile));
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
    `${name.padEnd(13)} ${mb(bytes(initFiles))} MB minified (${mb(gzipped)} MB gzipped) loaded at init, + ${mb(bytes(later))} MB loaded on first use  dist/${name}/`,
  );
}
console.log(rows.join("\n"));
