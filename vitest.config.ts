import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Node resolves "graphql" to its CommonJS build, as @neo4j/graphql and Apollo load it; Vite would
    // pick the ESM build for the project's files, and two graphql instances cannot share a schema.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/reset-graph.ts"],
    // One real Neo4j serves every file, and each file starts from the seeded graph: files run one at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    // `npx vitest run --tags-filter='!slow'` leaves them out while iterating.
    tags: [{ name: "slow", description: "imports tens of thousands of rows", timeout: 600_000 }],
    hookTimeout: 180_000,
  },
});
