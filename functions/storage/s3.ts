/**
 * S3 access for the import and export functions. On AWS the client finds its region and role in the
 * Lambda environment; locally S3_ENDPOINT points it at the S3-compatible server `npm start` runs.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import type { Readable } from "node:stream";

export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpoint = env.S3_ENDPOINT;
  return new S3Client({
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    region: env.AWS_REGION ?? "eu-west-3",
  });
}

export interface StoredObject {
  body: Readable;
  lastModified: Date;
  size: number;
}

export async function readObject(s3: S3Client, bucket: string, key: string): Promise<StoredObject> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return { body: object.Body as Readable, lastModified: object.LastModified ?? new Date(), size: object.ContentLength ?? 0 };
}

export async function writeObject(s3: S3Client, bucket: string, key: string, body: string, contentType: string): Promise<void> {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: `${contentType}; charset=utf-8` }));
}

export async function readText(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString("utf8");
}
