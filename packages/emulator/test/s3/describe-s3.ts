import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  type GetObjectCommandInput,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";

/** One front door under test: an S3Client that reaches `emulator` through it. */
export interface S3Door {
  readonly s3: S3Client;
  readonly emulator: Emulator;
  close(): Promise<void>;
}

const MiB = 1024 * 1024;
const md5 = (bytes: Uint8Array | string): string => createHash("md5").update(bytes).digest("hex");

/** What an S3 refusal looks like to the SDK: its modelled name (or code) and the HTTP status. */
const refusal = (name: string, status: number) => ({ name, $metadata: expect.objectContaining({ httpStatusCode: status }) });

/**
 * The S3 cases every front door must pass: the same requests, through the real S3Client, whatever
 * carries them (in-process, msw, HTTP).
 */
export function describeS3(name: string, open: () => Promise<S3Door>, options: { largeBodies?: boolean } = {}): void {
  // msw's interceptor takes seconds over a 5 MiB body; through it, a one-part upload shows the ETag rule.
  const firstPart = options.largeBodies === false ? [] : [Buffer.alloc(5 * MiB, 1)];
  describe(`S3 through ${name}`, () => {
    let door: S3Door;
    let s3: S3Client;
    beforeAll(async () => {
      door = await open();
      s3 = door.s3;
    });
    afterAll(async () => door?.close());
    beforeEach(async () => {
      door.emulator.reset();
      await s3.send(new CreateBucketCommand({ Bucket: "data" }));
    });

    it("creates, heads, lists and deletes buckets; re-creating one's own bucket in us-east-1 answers 200", async () => {
      await s3.send(new CreateBucketCommand({ Bucket: "data" }));
      await s3.send(new CreateBucketCommand({ Bucket: "models.v2" }));
      const listed = await s3.send(new ListBucketsCommand({}));
      expect(listed.Buckets?.map((bucket) => bucket.Name)).toEqual(["data", "models.v2"]);
      expect(listed.Buckets?.[0]?.CreationDate).toEqual(new Date(door.emulator.clock.now()));
      await s3.send(new HeadBucketCommand({ Bucket: "models.v2" }));
      await s3.send(new DeleteBucketCommand({ Bucket: "models.v2" }));
      await expect(s3.send(new HeadBucketCommand({ Bucket: "models.v2" }))).rejects.toMatchObject(refusal("NotFound", 404));
    });

    it("refuses what S3 refuses, with S3's codes and statuses", async () => {
      await expect(s3.send(new CreateBucketCommand({ Bucket: "Not_Valid" }))).rejects.toMatchObject(refusal("InvalidBucketName", 400));
      await expect(s3.send(new CreateBucketCommand({ Bucket: "192.168.5.4" }))).rejects.toMatchObject(refusal("InvalidBucketName", 400));
      await expect(s3.send(new GetObjectCommand({ Bucket: "missing", Key: "k" }))).rejects.toMatchObject({
        ...refusal("NoSuchBucket", 404),
        BucketName: "missing",
      });
      await expect(s3.send(new GetObjectCommand({ Bucket: "data", Key: "no/such key" }))).rejects.toMatchObject({
        ...refusal("NoSuchKey", 404),
        Key: "no/such key",
      });
      await expect(s3.send(new HeadObjectCommand({ Bucket: "data", Key: "nope" }))).rejects.toMatchObject(refusal("NotFound", 404));
      await expect(s3.send(new DeleteBucketCommand({ Bucket: "missing" }))).rejects.toMatchObject(refusal("NoSuchBucket", 404));
      await s3.send(new PutObjectCommand({ Bucket: "data", Key: "k", Body: "x" }));
      await expect(s3.send(new DeleteBucketCommand({ Bucket: "data" }))).rejects.toMatchObject(refusal("BucketNotEmpty", 409));
    });

    it("keeps the bytes, Content-Type and user metadata; the ETag is the quoted MD5; Last-Modified is the emulator's clock", async () => {
      await door.emulator.clock.sleep(90_000);
      const body = "sepal_length,sepal_width\n5.1,3.5\n";
      const put = await s3.send(
        new PutObjectCommand({
          Bucket: "data",
          Key: "iris/train a+b.csv",
          Body: body,
          ContentType: "text/csv",
          Metadata: { Origin: "uci" },
        }),
      );
      expect(put.ETag).toBe(`"${md5(body)}"`);
      const got = await s3.send(new GetObjectCommand({ Bucket: "data", Key: "iris/train a+b.csv" }));
      expect(await got.Body?.transformToString()).toBe(body);
      expect([got.ContentType, got.ContentLength, got.ETag, got.Metadata]).toEqual(["text/csv", body.length, put.ETag, { origin: "uci" }]);
      // HTTP dates have whole seconds.
      expect(got.LastModified?.getTime()).toBe(Math.floor(door.emulator.clock.now() / 1000) * 1000);
      const head = await s3.send(new HeadObjectCommand({ Bucket: "data", Key: "iris/train a+b.csv" }));
      expect([head.ContentLength, head.ETag, head.ContentType]).toEqual([body.length, put.ETag, "text/csv"]);
    });

    it("takes a streamed body (aws-chunked with a trailing checksum) and stores the decoded bytes", async () => {
      const chunks = [Buffer.alloc(70_000, "a"), Buffer.from("tail")];
      await s3.send(new PutObjectCommand({ Bucket: "data", Key: "stream", Body: Readable.from(chunks), ContentLength: 70_004 }));
      const got = await s3.send(new GetObjectCommand({ Bucket: "data", Key: "stream" }));
      const bytes = await got.Body!.transformToByteArray();
      expect([bytes.byteLength, md5(bytes)]).toEqual([70_004, md5(Buffer.concat(chunks))]);
    });

    it("verifies every checksum the SDK computes, and answers BadDigest for one that does not match", async () => {
      for (const algorithm of ["CRC32", "CRC32C", "SHA1", "SHA256"] as const) {
        await s3.send(new PutObjectCommand({ Bucket: "data", Key: algorithm, Body: "checked", ChecksumAlgorithm: algorithm }));
      }
      const wrong = { ChecksumCRC32: Buffer.from([1, 2, 3, 4]).toString("base64") };
      await expect(s3.send(new PutObjectCommand({ Bucket: "data", Key: "bad", Body: "checked", ...wrong }))).rejects.toMatchObject({
        ...refusal("BadDigest", 400),
        message: "The CRC32 you specified did not match the calculated checksum.",
      });
      const wrongSha = { ChecksumSHA256: createHash("sha256").update("other").digest("base64") };
      await expect(s3.send(new PutObjectCommand({ Bucket: "data", Key: "bad", Body: "checked", ...wrongSha }))).rejects.toMatchObject(
        refusal("BadDigest", 400),
      );
      await expect(s3.send(new HeadObjectCommand({ Bucket: "data", Key: "bad" }))).rejects.toMatchObject(refusal("NotFound", 404));
    });

    it("returns the checksum an object was stored with when asked (ChecksumMode), for the whole object only", async () => {
      const sha256 = createHash("sha256").update("checked").digest("base64");
      await s3.send(new PutObjectCommand({ Bucket: "data", Key: "summed", Body: "checked", ChecksumAlgorithm: "SHA256" }));
      const whole = await s3.send(new GetObjectCommand({ Bucket: "data", Key: "summed", ChecksumMode: "ENABLED" }));
      expect([await whole.Body?.transformToString(), whole.ChecksumSHA256, whole.ChecksumType]).toEqual(["checked", sha256, "FULL_OBJECT"]);
      const head = await s3.send(new HeadObjectCommand({ Bucket: "data", Key: "summed", ChecksumMode: "ENABLED" }));
      expect(head.ChecksumSHA256).toBe(sha256);
      const part = await s3.send(new GetObjectCommand({ Bucket: "data", Key: "summed", ChecksumMode: "ENABLED", Range: "bytes=0-1" }));
      expect([await part.Body?.transformToString(), part.ChecksumSHA256]).toEqual(["ch", undefined]);
    });

    it("answers conditional reads (304 Not Modified, 412 PreconditionFailed) and conditional writes", async () => {
      const { ETag } = await s3.send(new PutObjectCommand({ Bucket: "data", Key: "cond", Body: "v1" }));
      const later = new Date(door.emulator.clock.now() + 60_000);
      const earlier = new Date(door.emulator.clock.now() - 60_000);
      const get = (conditions: Partial<GetObjectCommandInput>) =>
        s3.send(new GetObjectCommand({ Bucket: "data", Key: "cond", ...conditions }));
      expect((await get({ IfMatch: ETag, IfModifiedSince: earlier })).$metadata.httpStatusCode).toBe(200);
      await expect(get({ IfNoneMatch: ETag })).rejects.toMatchObject({ $metadata: expect.objectContaining({ httpStatusCode: 304 }) });
      await expect(get({ IfModifiedSince: later })).rejects.toMatchObject({ $metadata: expect.objectContaining({ httpStatusCode: 304 }) });
      await expect(get({ IfMatch: '"0000"' })).rejects.toMatchObject(refusal("PreconditionFailed", 412));
      await expect(get({ IfUnmodifiedSince: earlier })).rejects.toMatchObject(refusal("PreconditionFailed", 412));
      await expect(s3.send(new PutObjectCommand({ Bucket: "data", Key: "cond", Body: "v2", IfNoneMatch: "*" }))).rejects.toMatchObject(
        refusal("PreconditionFailed", 412),
      );
      await expect(s3.send(new PutObjectCommand({ Bucket: "data", Key: "cond", Body: "v2", IfMatch: '"0000"' }))).rejects.toMatchObject(
        refusal("PreconditionFailed", 412),
      );
      await s3.send(new PutObjectCommand({ Bucket: "data", Key: "cond", Body: "v2", IfMatch: ETag }));
      await s3.send(new PutObjectCommand({ Bucket: "data", Key: "fresh", Body: "new", IfNoneMatch: "*" }));
      await expect(s3.send(new PutObjectCommand({ Bucket: "data", Key: "k".repeat(1025), Body: "x" }))).rejects.toMatchObject(
        refusal("KeyTooLongError", 400),
      );
    });

    it("serves byte ranges with 206 and Content-Range, and a range past the end as InvalidRange (416)", async () => {
      await s3.send(new PutObjectCommand({ Bucket: "data", Key: "digits", Body: "0123456789" }));
      const read = async (Range: string) => {
        const got = await s3.send(new GetObjectCommand({ Bucket: "data", Key: "digits", Range }));
        return [got.$metadata.httpStatusCode, got.ContentRange, await got.Body?.transformToString()];
      };
      expect(await read("bytes=2-4")).toEqual([206, "bytes 2-4/10", "234"]);
      expect(await read("bytes=7-")).toEqual([206, "bytes 7-9/10", "789"]);
      expect(await read("bytes=-3")).toEqual([206, "bytes 7-9/10", "789"]);
      expect(await read("bytes=8-100")).toEqual([206, "bytes 8-9/10", "89"]);
      await expect(read("bytes=10-12")).rejects.toMatchObject(refusal("InvalidRange", 416));
    });

    it("copies an object (metadata kept or replaced) and refuses a copy onto itself that changes nothing", async () => {
      await s3.send(new PutObjectCommand({ Bucket: "data", Key: "a b", Body: "payload", ContentType: "text/plain", Metadata: { k: "v" } }));
      await s3.send(new CreateBucketCommand({ Bucket: "archive" }));
      const copied = await s3.send(new CopyObjectCommand({ Bucket: "archive", Key: "copy", CopySource: "data/a%20b" }));
      expect(copied.CopyObjectResult?.ETag).toBe(`"${md5("payload")}"`);
      const kept = await s3.send(new HeadObjectCommand({ Bucket: "archive", Key: "copy" }));
      expect([kept.ContentType, kept.Metadata]).toEqual(["text/plain", { k: "v" }]);
      await s3.send(
        new CopyObjectCommand({ Bucket: "data", Key: "a b", CopySource: "data/a%20b", MetadataDirective: "REPLACE", Metadata: { n: "1" } }),
      );
      expect((await s3.send(new HeadObjectCommand({ Bucket: "data", Key: "a b" }))).Metadata).toEqual({ n: "1" });
      await expect(s3.send(new CopyObjectCommand({ Bucket: "data", Key: "a b", CopySource: "data/a%20b" }))).rejects.toMatchObject(
        refusal("InvalidRequest", 400),
      );
      await expect(s3.send(new CopyObjectCommand({ Bucket: "data", Key: "x", CopySource: "data/none" }))).rejects.toMatchObject(
        refusal("NoSuchKey", 404),
      );
    });

    it("deletes one object (204 even when absent) and many at once", async () => {
      for (const Key of ["a", "b", "c"]) await s3.send(new PutObjectCommand({ Bucket: "data", Key, Body: Key }));
      await s3.send(new DeleteObjectCommand({ Bucket: "data", Key: "a" }));
      await s3.send(new DeleteObjectCommand({ Bucket: "data", Key: "a" }));
      const deleted = await s3.send(new DeleteObjectsCommand({ Bucket: "data", Delete: { Objects: [{ Key: "b" }, { Key: "zz" }] } }));
      expect(deleted.Deleted?.map((entry) => entry.Key)).toEqual(["b", "zz"]);
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: "data" }));
      expect(listed.Contents?.map((object) => object.Key)).toEqual(["c"]);
    });

    it("lists with prefix, delimiter and pages (v2 continuation tokens, v1 markers)", async () => {
      for (const Key of ["logs/1", "logs/2", "model/a/x", "model/b", "readme"])
        await s3.send(new PutObjectCommand({ Bucket: "data", Key, Body: "." }));
      const top = await s3.send(new ListObjectsV2Command({ Bucket: "data", Delimiter: "/" }));
      expect([top.Contents?.map((o) => o.Key), top.CommonPrefixes?.map((p) => p.Prefix), top.KeyCount]).toEqual([
        ["readme"],
        ["logs/", "model/"],
        3,
      ]);
      const first = await s3.send(new ListObjectsV2Command({ Bucket: "data", Prefix: "model/", Delimiter: "/", MaxKeys: 1 }));
      expect([first.CommonPrefixes?.map((p) => p.Prefix), first.IsTruncated]).toEqual([["model/a/"], true]);
      const second = await s3.send(
        new ListObjectsV2Command({
          Bucket: "data",
          Prefix: "model/",
          Delimiter: "/",
          MaxKeys: 1,
          ContinuationToken: first.NextContinuationToken,
        }),
      );
      expect([second.Contents?.map((o) => o.Key), second.IsTruncated]).toEqual([["model/b"], false]);
      const v1 = await s3.send(new ListObjectsCommand({ Bucket: "data", Delimiter: "/", MaxKeys: 2 }));
      expect([v1.CommonPrefixes?.map((p) => p.Prefix), v1.IsTruncated, v1.NextMarker]).toEqual([["logs/", "model/"], true, "model/"]);
      const v1Next = await s3.send(new ListObjectsCommand({ Bucket: "data", Delimiter: "/", Marker: v1.NextMarker }));
      expect([v1Next.Contents?.map((o) => o.Key), v1Next.IsTruncated]).toEqual([["readme"], false]);
      const after = await s3.send(new ListObjectsV2Command({ Bucket: "data", StartAfter: "logs/2" }));
      expect(after.Contents?.map((o) => o.Key)).toEqual(["model/a/x", "model/b", "readme"]);
    });

    it("completes a multipart upload: the parts joined, ETag = MD5 of the part MD5s plus -N", async () => {
      const parts = [...firstPart, Buffer.from("last part")];
      const { UploadId } = await s3.send(
        new CreateMultipartUploadCommand({ Bucket: "data", Key: "big.bin", ContentType: "application/x-big" }),
      );
      const etags: string[] = [];
      for (const [i, Body] of parts.entries()) {
        const part = await s3.send(new UploadPartCommand({ Bucket: "data", Key: "big.bin", UploadId, PartNumber: i + 1, Body }));
        expect(part.ETag).toBe(`"${md5(Body)}"`);
        etags.push(part.ETag!);
      }
      const completed = await s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: "data",
          Key: "big.bin",
          UploadId,
          MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
        }),
      );
      const expected = `"${md5(Buffer.concat(parts.map((part) => createHash("md5").update(part).digest())))}-${parts.length}"`;
      expect(completed.ETag).toBe(expected);
      const head = await s3.send(new HeadObjectCommand({ Bucket: "data", Key: "big.bin" }));
      expect([head.ETag, head.ContentLength, head.ContentType]).toEqual([expected, firstPart.length * 5 * MiB + 9, "application/x-big"]);
      await expect(
        s3.send(new UploadPartCommand({ Bucket: "data", Key: "big.bin", UploadId, PartNumber: 3, Body: "late" })),
      ).rejects.toMatchObject(refusal("NoSuchUpload", 404));
    });

    it("refuses a part that was not uploaded (InvalidPart), parts out of order, a small middle part (EntityTooSmall), and an aborted upload", async () => {
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: "data", Key: "k" }));
      const one = await s3.send(new UploadPartCommand({ Bucket: "data", Key: "k", UploadId, PartNumber: 1, Body: "small" }));
      const two = await s3.send(new UploadPartCommand({ Bucket: "data", Key: "k", UploadId, PartNumber: 2, Body: "tail" }));
      const complete = (Parts: { ETag: string; PartNumber: number }[]) =>
        s3.send(new CompleteMultipartUploadCommand({ Bucket: "data", Key: "k", UploadId, MultipartUpload: { Parts } }));
      await expect(
        complete([
          { ETag: one.ETag!, PartNumber: 1 },
          { ETag: one.ETag!, PartNumber: 2 },
        ]),
      ).rejects.toMatchObject(refusal("InvalidPart", 400));
      await expect(complete([{ ETag: one.ETag!, PartNumber: 7 }])).rejects.toMatchObject(refusal("InvalidPart", 400));
      await expect(
        complete([
          { ETag: two.ETag!, PartNumber: 2 },
          { ETag: one.ETag!, PartNumber: 1 },
        ]),
      ).rejects.toMatchObject(refusal("InvalidPartOrder", 400));
      await expect(
        complete([
          { ETag: one.ETag!, PartNumber: 1 },
          { ETag: two.ETag!, PartNumber: 2 },
        ]),
      ).rejects.toMatchObject(refusal("EntityTooSmall", 400));
      await s3.send(new AbortMultipartUploadCommand({ Bucket: "data", Key: "k", UploadId }));
      await expect(complete([{ ETag: one.ETag!, PartNumber: 1 }])).rejects.toMatchObject(refusal("NoSuchUpload", 404));
      await expect(s3.send(new AbortMultipartUploadCommand({ Bucket: "data", Key: "k", UploadId }))).rejects.toMatchObject(
        refusal("NoSuchUpload", 404),
      );
    });

    it("shows buckets in state() with keys, sizes and ETags, and reset() forgets them", async () => {
      await s3.send(new PutObjectCommand({ Bucket: "data", Key: "k", Body: "abc" }));
      expect(door.emulator.state().s3Buckets).toEqual([
        {
          name: "data",
          creationDate: expect.any(String),
          objects: [{ key: "k", size: 3, etag: `"${md5("abc")}"`, lastModified: expect.any(String) }],
        },
      ]);
      door.emulator.reset();
      expect(door.emulator.state().s3Buckets).toEqual([]);
    });
  });
}
