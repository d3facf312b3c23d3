import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/http.js";
import { clientEnv, probeBoto3, run, scriptPath } from "./external-tools.js";

const boto3Tool = probeBoto3();
const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest();

// One Python process runs every step (boto3's import dominates its start-up); each `it` checks one
// part of what it observed. One AWS_ENDPOINT_URL serves both the s3 and the sagemaker client.
describe.skipIf(!boto3Tool.available)(
  `boto3's s3 and sagemaker on one port${boto3Tool.reason ? ` [skipped: ${boto3Tool.reason}]` : ""}`,
  () => {
    let server: RunningServer;
    let workdir: string;
    let observed: Record<string, unknown>;
    beforeAll(async () => {
      server = await startServer({ port: 0 });
      workdir = mkdtempSync(join(tmpdir(), "sagerun-boto3-s3-"));
      const result = await run("python3", [scriptPath("boto3_s3.py"), workdir], clientEnv({ AWS_ENDPOINT_URL: server.url }));
      if (result.code !== 0) throw new Error(`boto3_s3.py exited ${result.code}:\n${result.stderr}`);
      observed = JSON.parse(result.stdout) as Record<string, unknown>;
    });
    afterAll(async () => {
      await server?.close();
      if (workdir) rmSync(workdir, { recursive: true, force: true });
    });

    it("puts and gets an object with its Content-Type, metadata, MD5 ETag and a byte range", () => {
      expect(observed.get).toEqual({
        body: "5.1,3.5\n",
        content_type: "text/csv",
        metadata: { origin: "uci" },
        etag: `"${createHash("md5").update("5.1,3.5\n").digest("hex")}"`,
      });
      expect(observed.range).toBe("1,3");
    });

    it("uploads a 6 MiB file with upload_file (multipart: two parts) and downloads it intact", () => {
      const data = Buffer.alloc(6 * 1024 * 1024);
      for (let i = 0; i < data.length; i++) data[i] = i % 256;
      const partMd5s = Buffer.concat([md5(data.subarray(0, 5 * 1024 * 1024)), md5(data.subarray(5 * 1024 * 1024))]);
      expect(observed.multipart).toEqual({
        etag: `"${createHash("md5").update(partMd5s).digest("hex")}-2"`,
        length: data.length,
        download_matches: true,
      });
    });

    it("pages ListObjectsV2 with a delimiter (encoding-type=url, decoded by botocore) and lists through the resource API (ListObjects)", () => {
      expect(observed.list_v2_pages).toEqual([
        { keys: [], prefixes: ["big/"] },
        { keys: [], prefixes: ["iris/"] },
        { keys: [], prefixes: ["logs/"] },
        { keys: [], prefixes: ["models/"] },
        { keys: ["readme"], prefixes: [] },
      ]);
      expect(observed.list_v1_resource).toEqual(["logs/a b.txt", "logs/c+d.txt"]);
    });

    it("copies and deletes many objects", () => {
      expect([observed.copy_type, observed.deleted]).toEqual(["text/csv", ["copy.csv", "readme"]]);
    });

    it("raises S3's error codes and statuses", () => {
      expect(observed.errors).toEqual({
        no_such_key: ["NoSuchKey", 404],
        no_such_bucket: ["NoSuchBucket", 404],
        head_missing: ["404", 404],
        bucket_not_empty: ["BucketNotEmpty", 409],
        invalid_range: ["InvalidRange", 416],
        bad_digest: ["BadDigest", 400],
      });
    });

    it("serves SageMaker on the same endpoint", () => {
      expect([observed.buckets, observed.sagemaker]).toEqual([["boto-data"], []]);
    });
  },
);
