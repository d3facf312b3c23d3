import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIN_PART_BYTES } from "../../src/s3/errors.js";
import { pause, type RaceServer, raceServer } from "./race-server.js";

/**
 * Writers racing on one S3 key over HTTP. S3 is last-writer-wins: "Amazon S3 never adds partial
 * objects; if you receive a success response, Amazon S3 added the entire object", and of
 * simultaneous writes "the request with the latest timestamp wins"
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html#ConsistencyModel). The
 * emulator answers one request at a time, so "latest" is the last it answered (race-server.ts,
 * `served`): the object must be exactly that writer's bytes, never a mix.
 */

const BUCKET = "race-bucket";

/** A body of `size` bytes that no other writer's body equals anywhere: writer `i`'s byte pattern. */
function bodyOf(i: number, size: number): Uint8Array {
  const body = new Uint8Array(size);
  for (let k = 0; k < size; k++) body[k] = (i * 37 + k) % 251;
  return body;
}

const md5 = (body: Uint8Array): string => createHash("md5").update(body).digest("hex");

/** The key a served request named, and whether it was answered 200. */
function servedOk(race: RaceServer, operation: (path: string, method: string) => boolean) {
  return race.served.filter(
    ({ request, response }) => response.statusCode === 200 && operation(String(request.target), String(request.method)),
  );
}

describe("reliability: S3 writers racing on one key over HTTP", () => {
  let race: RaceServer;
  beforeAll(async () => {
    race = await raceServer();
    expect((await race.s3("PUT", `/${BUCKET}`)).status).toBe(200);
  });
  afterAll(async () => race?.close());

  let run = 0;
  it("property: of concurrent PutObjects of one key, the object is exactly the last answered one's bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.nat(5)), { minLength: 2, maxLength: 8 }),
        async (writers) => {
          run++;
          const key = `put-${run}`;
          race.served.length = 0;
          const answers = await Promise.all(
            writers.map(async ([size, delay], i) => {
              await pause(delay);
              return race.s3("PUT", `/${BUCKET}/${key}`, bodyOf(i, size));
            }),
          );
          for (const answer of answers) expect(answer.status).toBe(200);
          const puts = servedOk(race, (target, method) => method === "PUT" && target.endsWith(`/${key}`));
          const last = puts.at(-1)!.request.body as Uint8Array;
          const got = await race.s3("GET", `/${BUCKET}/${key}`);
          expect(got.status).toBe(200);
          expect(md5(got.body)).toBe(md5(last));
          expect(got.headers.get("etag")).toBe(`"${md5(last)}"`);
        },
      ),
      { numRuns: 10 },
    );
  });

  it("property: of concurrent multipart uploads of one key, the last CompleteMultipartUpload answered wins and the object is exactly its parts, never torn", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4096 }), fc.nat(5), fc.nat(5)), { minLength: 2, maxLength: 3 }),
        async (uploads) => {
          run++;
          const key = `multipart-${run}`;
          race.served.length = 0;
          const completed = await Promise.all(
            uploads.map(async ([tail, delay, completeDelay], i) => {
              await pause(delay);
              const created = await race.s3("POST", `/${BUCKET}/${key}?uploads`);
              const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(new TextDecoder().decode(created.body))![1]!;
              // Part 1 at S3's minimum part size, part 2 the small last part: upload i's bytes throughout.
              const parts = [bodyOf(i, MIN_PART_BYTES), bodyOf(i + 100, tail)];
              const etags = await Promise.all(
                parts.map(async (part, n) => {
                  const answer = await race.s3("PUT", `/${BUCKET}/${key}?uploadId=${uploadId}&partNumber=${n + 1}`, part);
                  expect(answer.status).toBe(200);
                  return answer.headers.get("etag")!;
                }),
              );
              await pause(completeDelay);
              const document = `<CompleteMultipartUpload>${etags.map((etag, n) => `<Part><PartNumber>${n + 1}</PartNumber><ETag>${etag}</ETag></Part>`).join("")}</CompleteMultipartUpload>`;
              const answer = await race.s3("POST", `/${BUCKET}/${key}?uploadId=${uploadId}`, new TextEncoder().encode(document));
              expect(answer.status, new TextDecoder().decode(answer.body)).toBe(200);
              return { uploadId, bytes: Buffer.concat(parts) };
            }),
          );
          const completes = servedOk(race, (target, method) => method === "POST" && target.includes(`/${key}?uploadId=`));
          const lastId = new URLSearchParams(String(completes.at(-1)!.request.target).split("?")[1]).get("uploadId");
          const winner = completed.find((upload) => upload.uploadId === lastId)!;
          const got = await race.s3("GET", `/${BUCKET}/${key}`);
          expect(got.status).toBe(200);
          expect(got.body.byteLength).toBe(winner.bytes.byteLength);
          expect(md5(got.body)).toBe(md5(winner.bytes));
        },
      ),
      { numRuns: 4 },
    );
  });
});
