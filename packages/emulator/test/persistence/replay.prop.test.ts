/**
 * Replay rebuilds the state (docs/decisions/0009): any sequence of changes, reads and clock moves
 * served in-process by an emulator on a state dir, then replayed from that dir by a fresh
 * emulator, gives the same resources, S3 objects (ETags: their bytes), multipart uploads in
 * progress and log events, at the same instant. Reads are not logged, yet they move jobs along
 * (a k-NN job computes when a read first sees its Training phase): the replay must not care.
 */
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import {
  CreateModelCommand,
  CreateTrainingJobCommand,
  DeleteModelCommand,
  DescribeTrainingJobCommand,
  StopTrainingJobCommand,
} from "@aws-sdk/client-sagemaker";
import { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { findAdminRoute } from "../../src/front-doors/admin-routes.js";
import { advanceClock } from "../../src/front-doors/clock-control.js";
import { openState, type PersistedEmulator } from "../../src/persistence/persisted-emulator.js";
import { BUCKET, DURATIONS, KNN_IMAGE, OWN_IMAGE, trainingRequest } from "../data-plane/harness.js";
import { modelRequest } from "../fixtures/hosting.js";

const SEED = 5;
/** Bodies as bytes: the SDK warns of a string body's unknown length. */
const bytes = (text: string) => new TextEncoder().encode(text);

async function open(dir: string): Promise<PersistedEmulator> {
  return openState({
    dir,
    seed: SEED,
    create: (clock) =>
      createEmulator({
        clock,
        seed: SEED,
        durations: DURATIONS,
        rules: [{ match: { name: "slow-*" }, durations: { trainingSeconds: 900 } }],
      }),
    clock: (start) => new VirtualClock({ autoAdvance: false, ...(start === undefined ? {} : { start }) }),
    clockEveryMs: 60_000,
  });
}

const job = fc.constantFrom("job-0", "job-1", "slow-2", "Job-0");
const key = fc.constantFrom("a", "b", "dir/c");
const op = fc.oneof(
  fc.record({ op: fc.constant("train" as const), job, knn: fc.boolean() }),
  fc.record({ op: fc.constant("data" as const), job }),
  fc.record({ op: fc.constant("stop" as const), job }),
  fc.record({ op: fc.constant("read" as const), job }),
  fc.record({ op: fc.constant("put" as const), key, body: fc.string({ maxLength: 20 }) }),
  fc.record({ op: fc.constant("delete" as const), key }),
  fc.record({ op: fc.constant("multipart" as const), key, parts: fc.integer({ min: 1, max: 2 }), complete: fc.boolean() }),
  fc.record({ op: fc.constant("model" as const), name: fc.constantFrom("m-0", "m-1"), remove: fc.boolean() }),
  fc.record({
    op: fc.constant("log" as const),
    stream: fc.constantFrom("s-0", "s-1"),
    message: fc.string({ minLength: 1, maxLength: 10 }),
  }),
  fc.record({ op: fc.constant("advance" as const), seconds: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ op: fc.constant("rules" as const), seconds: fc.integer({ min: 1, max: 600 }) }),
  fc.record({ op: fc.constant("reset" as const) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/**
 * Runs `ops` on `state`'s emulator through the real SDK clients (errors are answers too), and
 * returns the multipart uploads it started (key and id).
 */
async function run(state: PersistedEmulator, ops: readonly Op[]): Promise<[string, string][]> {
  const started: [string, string][] = [];
  const { emulator } = state;
  const sagemaker = emulator.client();
  const s3 = emulator.s3Client(S3Client);
  const logs = emulator.logsClient(CloudWatchLogsClient);
  const admin = (method: string, path: string, input: Record<string, unknown>) => {
    const found = findAdminRoute(method, path);
    if (!("route" in found)) throw found.error;
    return state.admin(found.route, path, input);
  };
  const bucket = async () => {
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch(() => {});
  };
  await bucket();
  for (const step of ops) {
    const send = async () => {
      switch (step.op) {
        case "train":
          return sagemaker.send(
            new CreateTrainingJobCommand(trainingRequest(step.job, step.knn ? KNN_IMAGE : OWN_IMAGE, knnHyperParameters)),
          );
        case "data":
          return s3.send(
            new PutObjectCommand({ Bucket: BUCKET, Key: `${step.job}/train/points.csv`, Body: bytes("0,0,0\n0,1,1\n1,10,10\n1,9,9\n") }),
          );
        case "stop":
          return sagemaker.send(new StopTrainingJobCommand({ TrainingJobName: step.job }));
        case "read":
          await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: step.job })).catch(() => {});
          return s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
        case "put":
          return s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: step.key, Body: bytes(step.body) }));
        case "delete":
          return s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: step.key }));
        case "multipart": {
          const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: step.key }));
          started.push([step.key, UploadId!]);
          const parts = [];
          for (let n = 1; n <= step.parts; n++) {
            const body = new Uint8Array(n === step.parts ? 10 : 5 * 1024 * 1024).fill(n);
            const { ETag } = await s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: step.key, UploadId, PartNumber: n, Body: body }));
            parts.push({ ETag, PartNumber: n });
          }
          if (!step.complete) return;
          return s3.send(
            new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: step.key, UploadId, MultipartUpload: { Parts: parts } }),
          );
        }
        case "model":
          return step.remove
            ? sagemaker.send(new DeleteModelCommand({ ModelName: step.name }))
            : sagemaker.send(new CreateModelCommand(modelRequest({ ModelName: step.name })));
        case "log":
          await logs.send(new CreateLogGroupCommand({ logGroupName: "app" })).catch(() => {});
          await logs.send(new CreateLogStreamCommand({ logGroupName: "app", logStreamName: step.stream })).catch(() => {});
          return logs.send(
            new PutLogEventsCommand({
              logGroupName: "app",
              logStreamName: step.stream,
              logEvents: [{ timestamp: emulator.clock.now(), message: step.message }],
            }),
          );
        case "advance":
          return advanceClock(emulator.clock, step.seconds * 1000);
        case "rules":
          return admin("PUT", "/_sagerun/rules", { rules: [{ match: { name: "job-*" }, durations: { trainingSeconds: step.seconds } }] });
        case "reset":
          await admin("POST", "/_sagerun/reset", {});
          return bucket();
      }
    };
    await send().catch(() => {});
  }
  await state.durable();
  return started;
}

const knnHyperParameters = { HyperParameters: { feature_dim: "2", k: "1", predictor_type: "classifier", sample_size: "4" } };

/**
 * Whether each upload is still open under its id (S3's ListMultipartUploads is not emulated, so
 * a part is uploaded to it): a write, logged like any other.
 */
async function probe(state: PersistedEmulator, uploads: readonly [string, string][]): Promise<string[]> {
  const s3 = state.emulator.s3Client(S3Client);
  const answers = uploads.map(([Key, UploadId]) =>
    s3.send(new UploadPartCommand({ Bucket: BUCKET, Key, UploadId, PartNumber: 9999, Body: bytes("x") })).then(
      () => "open",
      (error: Error) => error.name,
    ),
  );
  return Promise.all(answers);
}

/** What must survive: every resource as Describe shows it, S3 (keys, sizes, ETags), log groups, the clock. */
const observe = (state: PersistedEmulator) => ({ state: state.emulator.state(), now: state.emulator.clock.now() });

describe("a state dir replayed", () => {
  it("rebuilds the same state as the run that wrote it, whatever the reads in between", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const dir = mkdtempSync(join(tmpdir(), "sagerun-replay-"));
        const original = await open(dir);
        const uploads = await run(original, ops);
        const probed = await probe(original, uploads);
        await original.durable();
        const before = observe(original);
        await original.close();

        const replayed = await open(dir);
        try {
          expect(observe(replayed)).toEqual(before);
          expect(await probe(replayed, uploads)).toEqual(probed);
        } finally {
          await replayed.close();
        }
      }),
      { numRuns: 20 },
    );
  }, 30_000);

  it("gives a new multipart upload after a restart an id no earlier upload had", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sagerun-replay-"));
    const first = await open(dir);
    const s3 = first.emulator.s3Client(S3Client);
    await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    // Reads draw request ids too (upload ids are request ids), and the log does not keep them.
    for (let i = 0; i < 5; i++) await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    const before = await run(first, [{ op: "multipart", key: "a", parts: 1, complete: false }]);
    await first.close();
    const second = await open(dir);
    const after = await run(
      second,
      Array.from({ length: 8 }, () => ({ op: "multipart" as const, key: "a", parts: 1, complete: false })),
    );
    const ids = [...before, ...after].map(([, id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(await probe(second, [...before, ...after])).toEqual(ids.map(() => "open"));
    await second.close();
  });

  it("keeps exactly the changes a rate-drawn throttling fault let through, though replay draws anew", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sagerun-replay-"));
    const throttled = () =>
      openState({
        dir,
        seed: SEED,
        create: (clock) =>
          createEmulator({ clock, seed: SEED, faults: [{ fault: "throttling", rate: 0.5, match: { operation: "CreateModel" } }] }),
        clock: (start) => new VirtualClock({ autoAdvance: false, ...(start === undefined ? {} : { start }) }),
        clockEveryMs: 60_000,
      });
    const first = await throttled();
    const sagemaker = first.emulator.client();
    const kept: string[] = [];
    for (let i = 0; i < 30; i++) {
      const name = `m-${i}`;
      const created = await sagemaker.send(new CreateModelCommand(modelRequest({ ModelName: name }))).then(
        () => true,
        (error: Error) => (error.name === "ThrottlingException" ? false : Promise.reject(error)),
      );
      if (created) kept.push(name);
      // Reads between the creates shift nothing the replay depends on.
      if (i % 3 === 0) await sagemaker.send(new DescribeTrainingJobCommand({ TrainingJobName: "none" })).catch(() => {});
    }
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(30);
    await first.close();
    const second = await throttled();
    const names = (second.emulator.state().models as { ModelName: string }[]).map((m) => m.ModelName).sort();
    expect(names).toEqual([...kept].sort());
    await second.close();
  });
});
