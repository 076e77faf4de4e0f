/**
 * `npm run bench:observatory`: the coverage and standards of the Hauts-de-Seine, as a coordinator's
 * page asks them in one request, (a) through the Lambda handler, against (b) the baseline measured
 * in the same run: the one Cypher read both figures are computed from, alone. Requests go one at a
 * time (a coordinator waits for one answer). Prints p50/p95 and the ratios. Target: (a) p95 ≤ 200 ms.
 */
import { performance } from "node:perf_hooks";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { coverageServicesCypher } from "../generated/cypher";
import { issueToken } from "../functions/auth/tokens";
import { authSettingsFromEnv } from "../functions/config";
import { benchInstance, startBenchGraph } from "./bench-graph";
import { httpApiEvent, lambdaContext } from "./http-api-event";
import { stopNeo4j } from "./neo4j-process";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = 30;
const ROUNDS = 4;

const query = `{
  coverage(departement: "92") {
    cells { communeCode need reach serviceIds servicesInReach weeklyHours answersAtNight answersAtWeekend gap
            placesTotal { value } population { value } }
    services { id name kind actorName weeklyHours answersAtNight answersAtWeekend placesTotal placesFree source verifiedAt }
    gaps { communeCode need reach population { value } explanation }
  }
  standards(departement: "92") { population measures { key needed present gap presentAtLeast } }
}`;

const { driver, reused } = await startBenchGraph({ reseed: true });
const { handler } = await import("../functions/handlers/graphql");
const settings = authSettingsFromEnv(process.env);
const token = await issueToken({
  claims: { sub: "bench-coordinator", role: "COORDINATOR", departement: "92" },
  secret: "secret" in settings ? settings.secret : process.env.JWT_SECRET!,
  audience: settings.audience,
  issuer: settings.issuer,
  expiresIn: "1h",
});

interface Path {
  name: string;
  run: () => Promise<void>;
  latencies: number[];
}

const paths: Path[] = [
  {
    name: "(b) baseline: the Cypher read",
    run: async () => {
      await driver.executeQuery(coverageServicesCypher, { departement: "92", page: { communes: null } });
    },
    latencies: [],
  },
  {
    name: "(a) Lambda handler",
    run: async () => {
      const body = JSON.stringify({ query });
      const event = httpApiEvent({ method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
      const result = (await handler(event, lambdaContext(), () => undefined)) as APIGatewayProxyStructuredResultV2;
      if (result.statusCode !== 200 || result.body?.includes('"errors"')) throw new Error(`observatory failed: ${result.body?.slice(0, 300)}`);
    },
    latencies: [],
  },
];

// Every path is warmed up first; then they take turns in rounds, so that the machine's drifting load weighs on each alike.
for (const path of paths) for (let i = 0; i < WARMUP; i++) await path.run();
for (let round = 0; round < ROUNDS; round++) {
  for (const path of paths) {
    for (let i = 0; i < REQUESTS / ROUNDS; i++) {
      const t0 = performance.now();
      await path.run();
      path.latencies.push(performance.now() - t0);
    }
  }
}

const figures = paths.map((path) => {
  const sorted = [...path.latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  const result = { p50: at(50), p95: at(95) };
  console.log(`${path.name.padEnd(32)} p50 ${result.p50.toFixed(1).padStart(6)} ms  p95 ${result.p95.toFixed(1).padStart(6)} ms  (${sorted.length} requests)`);
  return result;
});
const [baseline, lambda] = figures as [{ p50: number; p95: number }, { p50: number; p95: number }];
console.log(`\nratio (a)/(b): p50 ${(lambda.p50 / baseline.p50).toFixed(2)}  p95 ${(lambda.p95 / baseline.p95).toFixed(2)}`);
console.log(`target: (a) p95 ≤ 200 ms → ${lambda.p95 <= 200 ? "met" : "not met"}`);

await driver.close();
if (!reused) await stopNeo4j(benchInstance);
process.exit(0);
