/**
 * Issue 18, Faults: an import whose write the graph fails still gets its report — "failed", with why
 * in plain words and Neo4j's code — keeps nothing of what it had written in its transaction, and fails
 * the invocation, so that Lambda tries it again. The handler's driver reaches Neo4j through a relay
 * that can be cut, as an outage would; a transaction of the test's own holds the graph's version, which
 * an import writes last, so that the import waits there with every record written but not committed
 * (there too it outlives the time its invocation leaves it). A write the graph has no memory for:
 * tests/import-memory-limit.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import type { Transaction } from "neo4j-driver";
import { Logger } from "@aws-lambda-powertools/logger";
import { probeAfterMs } from "../functions/graph/outage-breaker";
import { failureReportMs, importObject } from "../functions/imports/import-object";
import { importContext } from "../local/s3-event";
import { createS3Client } from "../functions/storage/s3";
import { localBuckets } from "../local/s3-server";
import { GraphLink } from "./support/graph-link";
import { cypher, testDriver } from "./support/graph";
import { invokeImport, listKeys, storedReport, upload } from "./support/s3";

const neo4jAddress = new URL(inject("neo4j").uri.replace(/^bolt:/, "http:"));
const link = new GraphLink({ host: neo4jAddress.hostname, port: Number(neo4jAddress.port) });

const csv = [
  "actor_id,actor_name,actor_kind,actor_covers,service_id,service_name,service_kind,audience,needs,area",
  "asso-test-panne,Association de test panne,ASSOCIATION,92,asso-test-panne-ecoute,Écoute panne,LISTENING_LINE,VICTIMS,LISTENING,92",
  "asso-test-panne,,,,asso-test-panne-juridique,Permanence panne,LEGAL_PERMANENCE,VICTIMS,LEGAL_ADVICE,92050",
].join("\n");

async function recordsOfTheFile(): Promise<number> {
  const [row] = await cypher<{ records: number }>("MATCH (n) WHERE n:Actor|Service AND n.id STARTS WITH 'asso-test-panne' RETURN count(n) AS records");
  return row!.records;
}

/**
 * Runs `whileWaiting` while an import, started by `start`, waits for the graph's version with every
 * record of its file written in its transaction; then lets the version go.
 */
async function duringTheImportsWrite<T>(start: () => Promise<T>, whileWaiting: (transactionId: string) => Promise<void>): Promise<PromiseSettledResult<T>> {
  const session = testDriver().session();
  let holder: Transaction | undefined;
  try {
    holder = await session.beginTransaction();
    await holder.run("MERGE (graph:GraphVersion {key: 'graph'}) SET graph.version = graph.version");
    const attempt = Promise.allSettled([start()]).then(([settled]) => settled!);
    await whileWaiting(await waitForTheImportAtTheVersion());
    return await attempt;
  } finally {
    await holder?.rollback();
    await session.close();
  }
}

async function waitForTheImportAtTheVersion(): Promise<string> {
  for (let tries = 0; tries < 400; tries++) {
    const [waiting] = await cypher<{ id: string }>(
      "SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery, status WHERE status STARTS WITH 'Blocked' AND currentQuery CONTAINS 'GraphVersion' RETURN id",
    );
    if (waiting) return waiting.id;
    await sleep(50);
  }
  throw new Error("the import never reached the graph's version");
}

async function terminate(transactionId: string): Promise<void> {
  await cypher("TERMINATE TRANSACTION $transactionId", { transactionId });
}

/** The errors Powertools logged while `work` ran: one JSON line each, on stderr. */
async function errorsLoggedDuring<T>(work: () => Promise<T>): Promise<{ result: T; errors: string[] }> {
  const written = vi.spyOn(process.stderr, "write");
  try {
    const result = await work();
    return { result, errors: written.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('"level":"ERROR"')) };
  } finally {
    written.mockRestore();
  }
}

function rejection(result: PromiseSettledResult<unknown>): { code?: string; message: string; stack?: string } {
  expect(result.status).toBe("rejected");
  return (result as PromiseRejectedResult).reason as { code?: string; message: string; stack?: string };
}

/** The stored report of the test file whose write failed: nothing written, one problem saying why, with Neo4j's code. */
async function expectFailedReport(key: string, reason: unknown, neo4jCode: string | undefined) {
  const report = await storedReport(key);
  expect(report).toMatchObject({ status: "failed", format: "csv", records: 2, changes: null });
  expect(report.problems).toEqual([{ line: null, record: null, field: "", reason, neo4jCode }]);
  return report;
}

/** Lambda's retry once the graph takes the write: the file imported, its report written over the failed one. */
async function expectImportedOnRetry(key: string) {
  const retried = await invokeImport(key, Buffer.byteLength(csv));
  expect(retried).toMatchObject({ status: "imported", problems: [] });
  expect(retried.changes?.services).toEqual({ created: 2, updated: 0, unchanged: 0 });
  expect(await storedReport(key)).toEqual(retried);
  expect(await recordsOfTheFile()).toBe(3);
}

beforeAll(async () => {
  await link.open();
  // The handler's driver is made when its module is first imported, in this file's first import.
  process.env.NEO4J_URI = `bolt://127.0.0.1:${link.port}`;
});

afterEach(() => cypher("MATCH (n) WHERE n:Actor|Service AND n.id STARTS WITH 'asso-test-panne' OPTIONAL MATCH (n)-[:HAS_SCHEDULE|HAS_CAPACITY|HAS_CONTACT]->(owned) DETACH DELETE n, owned"));

afterAll(() => link.cut());

describe("an import whose write fails", () => {
  it("says it failed when the database stops its write, without the database's message, and keeps nothing of it", async () => {
    const key = "incoming/panne-arretee.csv";
    await upload(key, csv);

    const attempt = await duringTheImportsWrite(() => invokeImport(key, Buffer.byteLength(csv)), terminate);

    const error = rejection(attempt);
    const report = await expectFailedReport(key, "nothing was written: the graph database refused or stopped the write", error.code);
    expect(error.code).toMatch(/^Neo\.ClientError\.Transaction\./);
    // What Neo4j said of the terminated transaction is in neither the report nor what the function throws.
    expect(error).toMatchObject({ name: "ImportFailed", message: `import of s3://${localBuckets.imports}/${key} failed, nothing written: other (${error.code})` });
    expect(error.stack).toBe(`ImportFailed: ${error.message}`);
    expect(JSON.stringify(report)).not.toMatch(/terminated/i);
    expect(await recordsOfTheFile()).toBe(0);
  });

  it("says the write was too slow when it outlives the time its invocation leaves it, keeps nothing of it, and imports on the retry", async () => {
    const key = "incoming/panne-trop-lente.csv";
    await upload(key, csv);
    // The write is given what the invocation has left less the failed report's time: here about 3 s, spent waiting for the version.
    const shortInvocation = importContext(failureReportMs + 3_000);
    let invocation: Promise<unknown> | undefined;

    const { result: attempt, errors } = await errorsLoggedDuring(() =>
      duringTheImportsWrite(
        () => (invocation = invokeImport(key, Buffer.byteLength(csv), shortInvocation)),
        // Neo4j stops the import by itself; the version is held until then, or long after the time it was given.
        async () => {
          await Promise.race([invocation!.catch(() => undefined), sleep(15_000)]);
        },
      ),
    );

    const error = rejection(attempt);
    // Stopped waiting for a lock, Neo4j gives the code it gives a terminated transaction: the import tells them apart by its time.
    expect(error.code).toBe("Neo.ClientError.Transaction.LockClientStopped");
    await expectFailedReport(key, expect.stringMatching(/^nothing was written: the write took longer than one transaction may .*tried again by itself.*or split it$/), error.code);
    expect(error.message).toBe(`import of s3://${localBuckets.imports}/${key} failed, nothing written: timeout (${error.code})`);
    expect(errors).toHaveLength(1);
    expect(JSON.parse(errors[0]!)).toMatchObject({ message: "import failed, nothing written", kind: "timeout", neo4jCode: error.code });
    expect(await recordsOfTheFile()).toBe(0);

    await expectImportedOnRetry(key);
  });

  it("says it failed when the graph goes out of reach, logs one error without the file's values, fails the invocation, and imports on the retry once the graph is back", async () => {
    const key = "incoming/panne-coupee.csv";
    await upload(key, csv);

    const { result: attempt, errors } = await errorsLoggedDuring(() =>
      duringTheImportsWrite(
        () => invokeImport(key, Buffer.byteLength(csv)),
        () => link.cut(),
      ),
    );

    const error = rejection(attempt);
    await expectFailedReport(key, expect.stringMatching(/^nothing was written: the graph database could not be reached .*tried again by itself/), error.code);
    expect(["ServiceUnavailable", "SessionExpired"]).toContain(error.code);
    expect(errors).toHaveLength(1);
    expect(JSON.parse(errors[0]!)).toMatchObject({ message: "import failed, nothing written", kind: "unreachable", neo4jCode: error.code, report: `reports/${key}.json` });
    expect(errors[0]).not.toMatch(/Association de test panne|Écoute panne|stack/i);
    expect(await recordsOfTheFile()).toBe(0);

    // Lambda's retry while the graph is still out of reach: failed again, before the file is even checked against the graph.
    await expect(invokeImport(key, Buffer.byteLength(csv))).rejects.toMatchObject({ code: "ServiceUnavailable" });
    expect(await storedReport(key)).toMatchObject({ status: "failed", format: null, records: 0, changes: null, problems: [{ neo4jCode: "ServiceUnavailable" }] });

    await link.open();
    await sleep(probeAfterMs);
    await expectImportedOnRetry(key);
  });

  it("fails with its own error, and logs that its report could not be written, when S3 refuses the report", async () => {
    const key = "incoming/panne-sans-rapport.csv";
    await upload(key, csv);
    const s3 = createS3Client();
    s3.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "PutObjectCommand") throw Object.assign(new Error("S3 is out of reach"), { name: "S3OutOfReach" });
        return next(args);
      },
      { step: "initialize" },
    );
    const logger = new Logger({ serviceName: "parcours-import" });

    const { result: attempt, errors } = await errorsLoggedDuring(() =>
      duringTheImportsWrite(() => importObject({ s3, driver: testDriver(), bucket: localBuckets.imports, key, logger }), terminate),
    );

    expect(rejection(attempt).code).toMatch(/^Neo\.ClientError\.Transaction\./);
    expect(errors).toHaveLength(1);
    expect(JSON.parse(errors[0]!)).toMatchObject({ message: "import failed, nothing written", kind: "other", report: "not written (S3OutOfReach)" });
    expect(await listKeys(localBuckets.imports, `reports/${key}`)).toEqual([]);
    expect(await recordsOfTheFile()).toBe(0);
  });
});
