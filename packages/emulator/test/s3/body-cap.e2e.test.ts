import { CreateBucketCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http.js";

/**
 * A body over the HTTP server's cap, sent by an S3 client: the refusal must be S3's XML
 * (EntityTooLarge, 400, with MaxSizeAllowed and ProposedSize: S3 API reference, "Error
 * responses"), which the S3 SDK parses, not the AWS JSON shape the other services read.
 */
describe("the HTTP server's body cap, for S3 clients", () => {
  let server: RunningServer;
  let s3: S3Client;
  beforeAll(async () => {
    server = await startServer({ port: 0, maxBodyBytes: 1024, log: () => {} });
    s3 = new S3Client({
      region: "us-east-1",
      endpoint: server.url,
      forcePathStyle: true,
      credentials: { accessKeyId: "t", secretAccessKey: "t" },
      maxAttempts: 1,
    });
    await s3.send(new CreateBucketCommand({ Bucket: "big" }));
  });
  afterAll(async () => {
    s3.destroy();
    await server.close();
  });

  it("answers S3's EntityTooLarge in XML, naming the cap, so the S3 SDK raises a parsed error", async () => {
    const error = await s3.send(new PutObjectCommand({ Bucket: "big", Key: "k", Body: new Uint8Array(4096) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).toMatchObject({ name: "EntityTooLarge", $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toMatch(
      /^Your proposed upload exceeds the maximum allowed size: the sagerun emulator's HTTP server accepts bodies of up to 1024 bytes/,
    );
  });

  it("accepts a body within the cap", async () => {
    const answer = await s3.send(new PutObjectCommand({ Bucket: "big", Key: "small", Body: new Uint8Array(100) }));
    expect(answer.ETag).toMatch(/^"[0-9a-f]{32}"$/);
  });
});
