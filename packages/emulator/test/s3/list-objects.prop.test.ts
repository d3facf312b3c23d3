import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";

/**
 * The reference listing, written without the emulator's code: every key under the prefix, each
 * holding the delimiter past the prefix rolled up into one common prefix, in UTF-8 byte order
 * (S3's order), those after start-after.
 */
function referenceListing(keys: readonly string[], prefix: string, delimiter: string, startAfter: string) {
  const utf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  const entries = new Map<string, "key" | "prefix">();
  for (const key of keys) {
    if (!key.startsWith(prefix)) continue;
    const at = delimiter === "" ? -1 : key.indexOf(delimiter, prefix.length);
    if (at < 0) entries.set(key, "key");
    else entries.set(key.slice(0, at + delimiter.length), "prefix");
  }
  const listed = [...entries].filter(([entry]) => utf8(entry, startAfter) > 0).sort(([a], [b]) => utf8(a, b));
  return {
    keys: listed.filter(([, kind]) => kind === "key").map(([entry]) => entry),
    prefixes: listed.filter(([, kind]) => kind === "prefix").map(([entry]) => entry),
  };
}

// Few characters, so keys share prefixes and delimiters; "é" and "😀" test UTF-8 order against UTF-16's.
const char = fc.constantFrom("a", "b", "/", "-", "é", "\uFFFD", "😀");
const text = (maxLength: number) => fc.array(char, { maxLength }).map((chars) => chars.join(""));

describe("ListObjectsV2 paging through the real S3Client", () => {
  it("pages through exactly the reference listing, each key and common prefix once, with any max-keys, prefix, delimiter and start-after", async () => {
    const emulator = createEmulator({ requireInputData: false });
    const s3 = emulator.s3Client(S3Client);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          text(5).filter((key) => key !== ""),
          { maxLength: 14 },
        ),
        text(2),
        fc.constantFrom("", "/", "-", "a/", "😀"),
        text(3),
        fc.integer({ min: 1, max: 5 }),
        async (keys, prefix, delimiter, startAfter, maxKeys) => {
          emulator.reset();
          await s3.send(new CreateBucketCommand({ Bucket: "prop" }));
          for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket: "prop", Key, Body: "x" }));
          const seenKeys: string[] = [];
          const seenPrefixes: string[] = [];
          let token: string | undefined;
          for (let page = 0; page < 40; page++) {
            const answer = await s3.send(
              new ListObjectsV2Command({
                Bucket: "prop",
                MaxKeys: maxKeys,
                ...(prefix ? { Prefix: prefix } : {}),
                ...(delimiter ? { Delimiter: delimiter } : {}),
                ...(startAfter ? { StartAfter: startAfter } : {}),
                ...(token ? { ContinuationToken: token } : {}),
              }),
            );
            const count = (answer.Contents?.length ?? 0) + (answer.CommonPrefixes?.length ?? 0);
            expect(count).toBeLessThanOrEqual(maxKeys);
            expect(answer.KeyCount).toBe(count);
            seenKeys.push(...(answer.Contents ?? []).map((object) => object.Key!));
            seenPrefixes.push(...(answer.CommonPrefixes ?? []).map((common) => common.Prefix!));
            if (!answer.IsTruncated) break;
            expect(count).toBe(maxKeys);
            token = answer.NextContinuationToken;
          }
          const reference = referenceListing(keys, prefix, delimiter, startAfter);
          expect(seenKeys).toEqual(reference.keys);
          expect(seenPrefixes).toEqual(reference.prefixes);
        },
      ),
      { numRuns: 120 },
    );
    s3.destroy();
  });
});
