import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { CreateBucketCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";

const MiB = 1024 * 1024;
const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest();

describe("@aws-sdk/lib-storage's Upload against the in-process S3", () => {
  it("uploads a stream larger than a part as a multipart upload (parts of 5 MiB, ETag -3), and a small one as one PutObject", async () => {
    const emulator = createEmulator({ requireInputData: false });
    const s3 = emulator.s3Client(S3Client);
    await s3.send(new CreateBucketCommand({ Bucket: "uploads" }));
    const data = Buffer.alloc(11 * MiB);
    for (let i = 0; i < data.length; i += 4096) data[i] = (i / 4096) % 251;
    // A stream of odd-sized chunks: Upload re-cuts it into 5 MiB parts.
    const chunks = Array.from({ length: Math.ceil(data.length / 700_001) }, (_, i) => data.subarray(i * 700_001, (i + 1) * 700_001));
    const big = await new Upload({
      client: s3,
      params: { Bucket: "uploads", Key: "big.bin", Body: Readable.from(chunks) },
      partSize: 5 * MiB,
    }).done();
    const parts = [data.subarray(0, 5 * MiB), data.subarray(5 * MiB, 10 * MiB), data.subarray(10 * MiB)];
    const expected = `"${createHash("md5")
      .update(Buffer.concat(parts.map(md5)))
      .digest("hex")}-3"`;
    expect(big.ETag).toBe(expected);
    const got = await s3.send(new GetObjectCommand({ Bucket: "uploads", Key: "big.bin" }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(data)).toBe(true);

    const small = await new Upload({
      client: s3,
      params: { Bucket: "uploads", Key: "small.txt", Body: "tiny", ContentType: "text/plain" },
    }).done();
    expect(small.ETag).toBe(`"${md5(Buffer.from("tiny")).toString("hex")}"`);
    expect((emulator.state().s3Buckets as { objects: { key: string; size: number }[] }[])[0]?.objects).toEqual([
      expect.objectContaining({ key: "big.bin", size: 11 * MiB, etag: expected }),
      expect.objectContaining({ key: "small.txt", size: 4 }),
    ]);
    s3.destroy();
  });
});
