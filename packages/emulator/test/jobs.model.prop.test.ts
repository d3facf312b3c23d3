import {
  CreateProcessingJobCommand,
  DeleteProcessingJobCommand,
  DescribeProcessingJobCommand,
  ListProcessingJobsCommand,
  StopProcessingJobCommand,
  type DescribeProcessingJobResponse,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import type { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorOf, manualEmulator } from "./fixtures.js";
import { AdvanceClock, seconds } from "./fixtures/model-run.js";
import { jobArnOf, processingJobRequest } from "./fixtures/jobs.js";

/**
 * Model-based test of processing jobs (fast-check `fc.commands`, as in
 * training-job.model.prop.test.ts): random create / describe / stop / delete / list / advance
 * sequences against a small model of what must hold, whatever the durations and rules.
 */
interface Seen {
  name: string;
  maxRuntime: number | undefined;
  status?: string;
  endTime?: number;
}
interface Model {
  /** Lower-cased name → what we last saw of the job. */
  jobs: Map<string, Seen>;
}
interface Real {
  client: SageMakerClient;
  clock: VirtualClock;
  stoppingSeconds: number;
}

const TERMINAL = new Set(["Completed", "Failed", "Stopped"]);
/** Statuses reachable from each along the legal moves (§5.2); two observations may skip a step. */
const NEXT: Record<string, string[]> = {
  InProgress: ["InProgress", "Completed", "Failed", "Stopping", "Stopped"],
  Stopping: ["Stopping", "Stopped"],
  Completed: ["Completed"],
  Failed: ["Failed"],
  Stopped: ["Stopped"],
};

function checkDescription(d: DescribeProcessingJobResponse, now: number, seen: Seen, r: Real): void {
  const status = d.ProcessingJobStatus!;
  if (seen.status) expect(NEXT[seen.status]).toContain(status); // so a terminal status never changes
  const created = d.CreationTime!.getTime();
  const modified = d.LastModifiedTime!.getTime();
  const start = d.ProcessingStartTime?.getTime();
  const end = d.ProcessingEndTime?.getTime();
  expect(created).toBeLessThanOrEqual(modified);
  expect(modified).toBeLessThanOrEqual(now);
  if (start !== undefined) expect(start).toBeGreaterThanOrEqual(created);
  expect(end !== undefined).toBe(TERMINAL.has(status));
  if (end !== undefined) {
    expect(end).toBe(modified);
    if (start !== undefined) expect(end).toBeGreaterThanOrEqual(start);
    if (seen.endTime !== undefined) expect(end).toBe(seen.endTime);
  }
  // The container never outlives its limit by more than the time stopping takes.
  if (start !== undefined && seen.maxRuntime !== undefined) {
    expect((end ?? now) - start).toBeLessThanOrEqual((seen.maxRuntime + Math.max(1, r.stoppingSeconds)) * 1000);
  }
  expect(d.FailureReason !== undefined).toBe(status === "Failed");
  expect(d.ExitMessage !== undefined).toBe(status === "Failed");
}

async function observe(m: Model, r: Real, name: string): Promise<DescribeProcessingJobResponse> {
  const seen = m.jobs.get(name.toLowerCase())!;
  const d = await r.client.send(new DescribeProcessingJobCommand({ ProcessingJobName: name }));
  checkDescription(d, r.clock.now(), seen, r);
  seen.status = d.ProcessingJobStatus;
  seen.endTime = d.ProcessingEndTime?.getTime();
  return d;
}

async function expectError(call: () => Promise<unknown>, name: string, message: string): Promise<void> {
  const error = await errorOf(call);
  expect([error.name, error.message]).toEqual([name, message]);
}
const notFound = (name: string) => `Could not find requested job with name ${name}`;

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string, readonly maxRuntime: number | undefined) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const request = processingJobRequest({
      ProcessingJobName: this.name,
      StoppingCondition: this.maxRuntime === undefined ? undefined : { MaxRuntimeInSeconds: this.maxRuntime },
    });
    const send = () => r.client.send(new CreateProcessingJobCommand(request));
    const existing = m.jobs.get(this.name.toLowerCase());
    if (existing) {
      return expectError(
        send,
        "ResourceInUse",
        `Processing job names must be unique within an AWS account and region, and a processing job with this name already exists (${jobArnOf("processing-job", existing.name)})`,
      );
    }
    expect((await send()).ProcessingJobArn).toBe(jobArnOf("processing-job", this.name));
    m.jobs.set(this.name.toLowerCase(), { name: this.name, maxRuntime: this.maxRuntime });
  }
  toString = (): string => `create(${this.name}, max=${this.maxRuntime})`;
}

class Describe implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    if (m.jobs.has(this.name.toLowerCase())) return void (await observe(m, r, this.name));
    await expectError(() => r.client.send(new DescribeProcessingJobCommand({ ProcessingJobName: this.name })), "ValidationException", notFound(this.name));
  }
  toString = (): string => `describe(${this.name})`;
}

class Stop implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const send = () => r.client.send(new StopProcessingJobCommand({ ProcessingJobName: this.name }));
    if (!m.jobs.has(this.name.toLowerCase())) return expectError(send, "ValidationException", notFound(this.name));
    const before = await observe(m, r, this.name);
    if (before.ProcessingJobStatus !== "InProgress") {
      return expectError(send, "ValidationException", `The request was rejected because the processing job is in status ${before.ProcessingJobStatus}.`);
    }
    await send();
    expect((await observe(m, r, this.name)).ProcessingJobStatus).toBe("Stopping");
  }
  toString = (): string => `stop(${this.name})`;
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const send = () => r.client.send(new DeleteProcessingJobCommand({ ProcessingJobName: this.name }));
    if (!m.jobs.has(this.name.toLowerCase())) return expectError(send, "ValidationException", notFound(this.name));
    const before = await observe(m, r, this.name);
    if (!TERMINAL.has(before.ProcessingJobStatus!)) {
      return expectError(send, "ResourceInUse", `The request was rejected because the processing job is in status ${before.ProcessingJobStatus}.`);
    }
    await send();
    m.jobs.delete(this.name.toLowerCase());
    await expectError(() => r.client.send(new DescribeProcessingJobCommand({ ProcessingJobName: this.name })), "ValidationException", notFound(this.name));
  }
  toString = (): string => `delete(${this.name})`;
}

class List implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pageSize: number) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await r.client.send(new ListProcessingJobsCommand({ MaxResults: this.pageSize, NextToken: token }));
      expect(page.ProcessingJobSummaries!.length).toBeLessThanOrEqual(this.pageSize);
      for (const s of page.ProcessingJobSummaries!) {
        seen.push(s.ProcessingJobName!);
        const entry = m.jobs.get(s.ProcessingJobName!.toLowerCase());
        expect(entry).toBeDefined();
        if (entry!.status) expect(NEXT[entry!.status]).toContain(s.ProcessingJobStatus);
      }
      token = page.NextToken;
    } while (token);
    // Default order is CreationTime Ascending, i.e. the model's insertion order (ties keep it too).
    expect(seen).toEqual([...m.jobs.values()].map((j) => j.name));
  }
  toString = (): string => `list(pageSize=${this.pageSize})`;
}


describe("processing jobs, model-based", () => {
  it("property: statuses move only along legal transitions, terminal statuses and end times never change, timestamps are ordered, runtime stays within MaxRuntimeInSeconds, and every rejected call gets the real error", async () => {
    // Case variants of a few names, so case-insensitive uniqueness is exercised.
    const name = fc.constantFrom("prep-a", "PREP-A", "prep-b", "Prep-B", "prep-c");
    const commands = [
      fc.tuple(name, fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined })).map(([n, max]) => new Create(n, max)),
      name.map((n) => new Describe(n)),
      name.map((n) => new Stop(n)),
      name.map((n) => new Delete(n)),
      fc.integer({ min: 1, max: 4 }).map((size) => new List(size)),
      fc.integer({ min: 0, max: 600 }).map((s) => new AdvanceClock<Model>(s)),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.commands(commands, { maxCommands: 40 }),
        // Zero-length phases are where instants collide, so they get a generator of their own.
        fc.record({ provisioningSeconds: seconds(120), runningSeconds: seconds(900), stoppingSeconds: seconds(60) }),
        fc.boolean(),
        async (cmds, durations, failing) => {
          const { client, clock } = manualEmulator({
            durations,
            rules: failing ? [{ match: { name: /-b$/i }, outcome: { status: "Failed", failureReason: "ClientError: bad input" } }] : [],
          });
          const real = { client, clock, stoppingSeconds: durations.stoppingSeconds };
          await fc.asyncModelRun(() => ({ model: { jobs: new Map() }, real }), cmds);
        },
      ),
      { numRuns: 150 },
    );
  });
});
