/**
 * S3 access for the import and export functions. On AWS the client finds its region and role in the
 * Lambda environment; locally S3_ENDPOINT points it at the S3-compatible server `npm start` runs.
 */
import { CopyObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";

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

/**
 * Writes a body handed over in pieces, part by part as they fill (a multipart upload; one PutObject
 * when it is small): an export of France is more text than one string may hold (V8 caps a string at
 * about 512 MB), and holding it whole would take the function's memory.
 */
export async function uploadObject(s3: S3Client, bucket: string, key: string, pieces: Iterable<string>, contentType: string): Promise<void> {
  const upload = new Upload({
    client: s3,
    params: { Bucket: bucket, Key: key, Body: Readable.from(pieces), ContentType: `${contentType}; charset=utf-8` },
    partSize: 8 * 1024 * 1024,
    queueSize: 2,
  });
  await upload.done();
}

/** Copies an object within its bucket, its content type with it. */
export async function copyObject(s3: S3Client, bucket: string, from: string, to: string): Promise<void> {
  await s3.send(new CopyObjectCommand({ Bucket: bucket, CopySource: encodeURI(`${bucket}/${from}`), Key: to }));
}

export async function readText(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString("utf8");
}
