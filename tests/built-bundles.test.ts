/**
 * The bundles `npm run build` makes are what the stacks deploy, and they leave things out (a second
 * Apollo Server, Apollo Federation and GraphOS reporting, rxjs, the YAML parser) that the unbundled
 * code the other tests run still has. Here the built GraphQL bundle answers in a fresh Node process
 * with the environment Lambda gives it, along every path that loads a chunk of its own: a read, a
 * referral route, a dataset write and a refused write; the import, export and route digests bundles load.
 */
import { spawn, spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { confidentialDataset, saveDatasetMutation } from "./support/confidential-fixture";
import { apiRequest } from "./support/http-api";
import { tokenFor } from "./support/tokens";

const root = join(import.meta.dirname, "..");
const distDir = join(root, "dist");

// What the Lambda runtime does: import the module once, then hand it one event after another.
const runner = `
const [bundle, eventsJson] = process.argv.slice(2);
const { handler } = await import(bundle);
const answers = [];
for (const event of JSON.parse(eventsJson)) answers.push(await handler(event, { awsRequestId: "built-bundle-test", getRemainingTimeInMillis: () => 29000 }));
process.send(answers, () => process.exit(0));
`;

interface Answer {
  statusCode: number;
  body: string;
}

function runBundle(name: string, events: unknown[]): Promise<Answer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(distDir, "bundle-test-runner.mjs"), join(distDir, name, "index.mjs"), JSON.stringify(events)], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: { ...process.env, LANG: "en_US.UTF-8", TZ: ":UTC", NODE_ENV: "production", EXPORTS_BUCKET: "parcours-exports" },
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("message", (answers) => resolve(answers as Answer[]));
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && reject(new Error(`${name} bundle exited with ${code}:\n${stderr.slice(-2000)}`)));
  });
}

const graphqlEvent = (query: string, variables: Record<string, unknown>, token?: string) =>
  apiRequest({ body: JSON.stringify({ query, variables }), headers: token ? { authorization: `Bearer ${token}` } : {} });

const bodyOf = (answer: Answer) => JSON.parse(answer.body) as { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] };

describe("the built bundles", () => {
  let graphql: Answer[];

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ["--import", "tsx", join(root, "local", "build.ts")], { cwd: root, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);
    await writeFile(join(distDir, "bundle-test-runner.mjs"), runner);
    const [frontline, coordinator] = await Promise.all([tokenFor("FRONTLINE"), tokenFor("COORDINATOR", { departement: "92" })]);
    graphql = await runBundle("graphql", [
      graphqlEvent(`{ actors(where: { id: { eq: "fvv-92" } }) { name } }`, {}),
      graphqlEvent(
        `query ($input: RouteRequest!) { referralRoute(input: $input) { emergency { number } steps { rank service { id } } } }`,
        { input: { commune: "Nanterre", situations: ["INTIMATE_PARTNER_VIOLENCE"], urgency: "IMMEDIATE_DANGER", at: "2026-11-24T23:00:00+01:00" } },
        frontline,
      ),
      graphqlEvent(saveDatasetMutation, { input: confidentialDataset }, coordinator),
      graphqlEvent(saveDatasetMutation, { input: { ...confidentialDataset, locations: [{ ...confidentialDataset.locations[0], commune: "99999" }] } }, coordinator),
    ]);
  }, 300_000);

  it("answers a read from the graph", () => {
    expect(graphql[0]!.statusCode).toBe(200);
    expect(bodyOf(graphql[0]!).data?.actors).toEqual([{ name: expect.stringContaining("FVV") }]);
  });

  it("computes a referral route, emergency numbers first", () => {
    const route = bodyOf(graphql[1]!).data?.referralRoute;
    expect(route.emergency.map((e: { number: string }) => e.number)).toEqual(["17", "112", "114", "3919"]);
    expect(route.steps.length).toBeGreaterThan(0);
  });

  it("validates and writes a dataset, and refuses an invalid one with BAD_USER_INPUT", () => {
    const written = bodyOf(graphql[2]!);
    expect(written.errors).toBeUndefined();
    expect(written.data?.saveDataset.nodesCreated).toBeGreaterThan(0);
    expect(bodyOf(graphql[3]!).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("loads the import, export and route digests handlers", async () => {
    for (const name of ["import", "export", "route-digests"]) expect(await runBundle(name, [])).toEqual([]);
  });
});
