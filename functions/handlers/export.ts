/**
 * AWS Lambda entry point for exports: run by the schedule (an EventBridge event) or on demand (any
 * invocation), it writes a snapshot of the graph to the exports bucket (EXPORTS_BUCKET).
 */
import { Logger } from "@aws-lambda-powertools/logger";
import type { Context } from "aws-lambda";
import { neo4jSettingsFromEnv, requiredEnv } from "../config";
import { exportSnapshot, s3ExportTarget, type ExportResult } from "../exports/export-snapshot";
import { createDriver } from "../graph/driver";
import { createS3Client } from "../storage/s3";

const logger = new Logger({ serviceName: "parcours-export" });
const driver = createDriver(neo4jSettingsFromEnv());
const bucket = requiredEnv("EXPORTS_BUCKET");
const target = s3ExportTarget(createS3Client(), bucket);

/**
 * A failed export, as the invoker sees it: what failed, without the stack (which the log keeps). The
 * invocation fails, so that the schedule's asynchronous invocation is retried.
 */
export class ExportFailed extends Error {
  override name = "ExportFailed";
  constructor(reason: string) {
    super(`export failed, latest/ left as it was: ${reason}`);
    this.stack = `${this.name}: ${this.message}`;
  }
}

export async function handler(_event: unknown, context: Context): Promise<ExportResult> {
  logger.addContext(context);
  const started = performance.now();
  try {
    const result = await exportSnapshot(target, driver);
    logger.info("export written", { bucket, ...result, durationMs: Math.round(performance.now() - started) });
    return result;
  } catch (error) {
    logger.error("export failed", { bucket, durationMs: Math.round(performance.now() - started), error: error as Error });
    throw new ExportFailed(error instanceof Error ? error.message : String(error));
  }
}
