import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { emulatorHarness } from "../../../test/fixtures.js";
import { stratifiedSubset } from "./stratified-subset.js";
import { subsetS3Object, subsetS3Prefix } from "./subset-s3.js";

const BUCKET = "data";

/** The emulator's S3 with a bucket, counting the commands sent. */
async function emulatorS3() {
  const h = emulatorHarness();
  const s3 = h.emulator.s3Client(S3Client);
  const sent: string[] = [];
  s3.middlewareStack.add(
    (next, context) => (args) => {
      sent.push(context.commandName ?? "unknown");
      return next(args);
    },
    { step: "initialize", name: "subsetTestCommandLog" },
  );
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  return { s3, sent };
}

async function read(s3: S3Client, key: string): Promise<string> {
  return (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString();
}

function csv(rows: number, width = 0): string {
  const pad = "x".repeat(width);
  return `label,n,pad\r\n${Array.from({ length: rows }, (_, n) => `${["cat", "dog", '"bird, small"'][n % 7 === 0 ? 2 : n % 2]},${n},${pad}`).join("\r\n")}\r\n`;
}

describe(subsetS3Object.name, () => {
  it("writes the subset next to the source, with the source ETag, and skips it on the next run", async () => {
    const { s3, sent } = await emulatorS3();
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "train/all.csv", Body: csv(1000) }));

    const options = { source: `s3://${BUCKET}/train/all.csv`, fraction: 0.05, seed: 42, header: true };
    const first = await subsetS3Object(s3, options);
    expect(first).toMatchObject({ target: `s3://${BUCKET}/train/sagerun-test-mode/42-0.05/all.csv`, written: true, rows: 50 });
    const text = await read(s3, "train/sagerun-test-mode/42-0.05/all.csv");
    const lines = text.split("\n").slice(0, -1);
    expect(lines[0]).toBe("label,n,pad");
    // 1000 rows: 143 birds (n % 7 = 0), 428 dogs and 429 cats; 5 % of each, rounded: 7, 21 and 21.
    expect(lines.filter((l) => l.startsWith('"bird'))).toHaveLength(7);
    expect(lines.filter((l) => l.startsWith("cat,"))).toHaveLength(21);
    expect(lines.filter((l) => l.startsWith("dog,"))).toHaveLength(21);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "train/sagerun-test-mode/42-0.05/all.csv" }));
    expect(head.Metadata?.["sagerun-source-etag"]).toBe(first.sourceETag);

    sent.length = 0;
    expect(await subsetS3Object(s3, options)).toMatchObject({ written: false, rows: undefined });
    expect(sent).toEqual(["HeadObjectCommand", "HeadObjectCommand"]);

    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "train/all.csv", Body: csv(500) }));
    expect(await subsetS3Object(s3, options)).toMatchObject({ written: true, rows: 27 });
    expect(await subsetS3Object(s3, { ...options, minPerClass: 30 })).toMatchObject({ written: true, rows: 91 });
  });

  it("streams a subset larger than a part through a multipart upload, the same lines as the sampler gives", async () => {
    const { s3, sent } = await emulatorS3();
    const body = csv(60_000, 200); // about 12.5 MB
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "big.csv", Body: body }));
    const options = { fraction: 0.9, seed: 5, header: true, partBytes: 5 * 1024 * 1024 };

    const result = await subsetS3Object(s3, { source: `s3://${BUCKET}/big.csv`, target: `s3://${BUCKET}/small/big.csv`, ...options });
    const expected: string[] = [];
    for await (const line of stratifiedSubset(body.split("\n"), options)) expected.push(line);
    expect(await read(s3, "small/big.csv")).toBe(`${expected.join("\n")}\n`);
    expect(result.rows).toBe(expected.length);
    expect(sent.filter((c) => c === "UploadPartCommand")).toHaveLength(3);
  });

  it("refuses a target that is the source, and a source that is not an S3 URI", async () => {
    const { s3 } = await emulatorS3();
    await expect(subsetS3Object(s3, { source: "s3://data/a.csv", target: "s3://data/a.csv", fraction: 0.1, seed: 1 })).rejects.toThrow(
      RangeError,
    );
    await expect(subsetS3Object(s3, { source: "/tmp/a.csv", fraction: 0.1, seed: 1 })).rejects.toThrow(/must be an S3 URI/);
  });
});

describe(subsetS3Prefix.name, () => {
  it("subsets every object under the folder into its test-mode folder, and passes over earlier subsets", async () => {
    const { s3 } = await emulatorS3();
    for (const key of ["train/a.csv", "train/b/c.csv", "train-2/d.csv"]) {
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: csv(100) }));
    }
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "train/empty/", Body: new Uint8Array(0) }));
    const options = { source: `s3://${BUCKET}/train`, fraction: 0.1, seed: 9, header: true };

    const results = await subsetS3Prefix(s3, options);
    expect(results.map((r) => [r.target, r.written])).toEqual([
      [`s3://${BUCKET}/train/sagerun-test-mode/9-0.1/a.csv`, true],
      [`s3://${BUCKET}/train/sagerun-test-mode/9-0.1/b/c.csv`, true],
    ]);
    expect((await subsetS3Prefix(s3, options)).map((r) => r.written)).toEqual([false, false]);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "train/sagerun-test-mode/" }));
    expect(listed.KeyCount).toBe(2);
  });
});
