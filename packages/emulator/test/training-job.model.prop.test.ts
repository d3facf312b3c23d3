import {
  CreateTrainingJobCommand,
  DeleteTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  StopTrainingJobCommand,
  type DescribeTrainingJobResponse,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import type { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorOf, manualEmulator, trainingJobRequest } from "./fixtures.js";
import { AdvanceClock, seconds } from "./fixtures/model-run.js";

/**
 * Model-based test (fast-check `fc.commands`, the shape of fast-check test/e2e/ModelBased.spec.ts):
 * random sequences of create / describe / list / stop / delete / advance-clock against a small
 * model of what must hold, whatever the durations.
 */
interface Model {
  /** Lower-cased name → what we last saw of the job. */
  jobs: Map<string, { name: string; status?: string; secondary?: string; maxRuntime: number }>;
}
interface Real {
  client: SageMakerClient;
  clock: VirtualClock;
}

const TERMINAL = new Set(["Completed", "Failed", "Stopped"]);
/**
 * Statuses reachable from each status along the legal moves (sagemaker-semantics.md §5.1):
 * InProgress → Completed | Failed | Stopping → Stopped. Two observations may skip a step.
 */
const NEXT: Record<string, string[]> = {
  InProgress: ["InProgress", "Completed", "Failed", "Stopping", "Stopped"],
  Stopping: ["Stopping", "Stopped"],
  Completed: ["Completed"],
  Failed: ["Failed"],
  Stopped: ["Stopped"],
};
/** Secondary statuses allowed under each primary ([DOC] DescribeTrainingJob SecondaryStatus). */
const SECONDARY: Record<string, string[]> = {
  InProgress: ["Starting", "Downloading", "Training", "Uploading"],
  Completed: ["Completed"],
  Failed: ["Failed"],
  Stopping: ["Stopping"],
  Stopped: ["Stopped", "MaxRuntimeExceeded"],
};
const PHASE_ORDER = ["Starting", "Downloading", "Training", "Uploading"];

function checkDescription(d: DescribeTrainingJobResponse, now: number, previous: { status?: string; secondary?: string; maxRuntime: number }): void {
  const status = d.TrainingJobStatus!;
  const secondary = d.SecondaryStatus!;
  expect(SECONDARY[status]).toContain(secondary);
  if (previous.status) {
    expect(NEXT[previous.status]).toContain(status); // includes: a terminal status never changes
    if (TERMINAL.has(previous.status)) expect(secondary).toBe(previous.secondary);
    if (status === "InProgress" && previous.status === "InProgress") {
      expect(PHASE_ORDER.indexOf(secondary)).toBeGreaterThanOrEqual(PHASE_ORDER.indexOf(previous.secondary!));
    }
  }
  const created = d.CreationTime!.getTime();
  const modified = d.LastModifiedTime!.getTime();
  expect(created).toBeLessThanOrEqual(modified);
  expect(modified).toBeLessThanOrEqual(now);
  if (d.TrainingStartTime) expect(d.TrainingStartTime.getTime()).toBeGreaterThanOrEqual(created);
  if (TERMINAL.has(status)) {
    expect(d.TrainingEndTime).toBeDefined();
    if (d.TrainingStartTime) expect(d.TrainingEndTime!.getTime()).toBeGreaterThanOrEqual(d.TrainingStartTime.getTime());
  } else {
    expect(d.TrainingEndTime).toBeUndefined();
  }
  if (d.BillableTimeInSeconds !== undefined) expect(d.BillableTimeInSeconds).toBeLessThanOrEqual(previous.maxRuntime);
  let last = created;
  for (const t of d.SecondaryStatusTransitions ?? []) {
    expect(t.StartTime!.getTime()).toBeGreaterThanOrEqual(last);
    if (t.EndTime) expect(t.EndTime.getTime()).toBeGreaterThanOrEqual(t.StartTime!.getTime());
    last = t.StartTime!.getTime();
  }
  expect(d.SecondaryStatusTransitions?.at(-1)?.Status).toBe(secondary);
  expect(status === "Failed").toBe(d.FailureReason !== undefined);
}

async function observe(m: Model, r: Real, name: string): Promise<DescribeTrainingJobResponse> {
  const entry = m.jobs.get(name.toLowerCase())!;
  const d = await r.client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
  checkDescription(d, r.clock.now(), entry);
  entry.status = d.TrainingJobStatus;
  entry.secondary = d.SecondaryStatus;
  return d;
}

async function expectNotFound(call: () => Promise<unknown>): Promise<void> {
  const error = await errorOf(call);
  expect([error.name, error.message]).toEqual(["ValidationException", "Requested resource not found."]);
}

class Create implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string, readonly maxRuntime: number) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const send = () =>
      r.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: this.name, StoppingCondition: { MaxRuntimeInSeconds: this.maxRuntime } })));
    if (m.jobs.has(this.name.toLowerCase())) {
      const error = await errorOf(send);
      expect(error.name).toBe("ResourceInUse");
      expect(error.message).toMatch(/^Training job names must be unique within an AWS account and region/);
      return;
    }
    const { TrainingJobArn } = await send();
    expect(TrainingJobArn).toBe(`arn:aws:sagemaker:us-east-1:123456789012:training-job/${this.name.toLowerCase()}`);
    m.jobs.set(this.name.toLowerCase(), { name: this.name, maxRuntime: this.maxRuntime });
  }
  toString = (): string => `create(${this.name}, max=${this.maxRuntime})`;
}

class Describe implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    if (!m.jobs.has(this.name.toLowerCase())) {
      return expectNotFound(() => r.client.send(new DescribeTrainingJobCommand({ TrainingJobName: this.name })));
    }
    await observe(m, r, this.name);
  }
  toString = (): string => `describe(${this.name})`;
}

class Stop implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const send = () => r.client.send(new StopTrainingJobCommand({ TrainingJobName: this.name }));
    if (!m.jobs.has(this.name.toLowerCase())) return expectNotFound(send);
    const before = await observe(m, r, this.name);
    if (before.TrainingJobStatus === "InProgress") {
      await send();
      expect((await observe(m, r, this.name)).TrainingJobStatus).toBe("Stopping");
    } else {
      const error = await errorOf(send);
      expect([error.name, error.message]).toEqual([
        "ValidationException",
        `The request was rejected because the training job is in status ${before.TrainingJobStatus}.`,
      ]);
    }
  }
  toString = (): string => `stop(${this.name})`;
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const send = () => r.client.send(new DeleteTrainingJobCommand({ TrainingJobName: this.name }));
    if (!m.jobs.has(this.name.toLowerCase())) return expectNotFound(send);
    const before = await observe(m, r, this.name);
    if (TERMINAL.has(before.TrainingJobStatus!)) {
      await send();
      m.jobs.delete(this.name.toLowerCase());
      await expectNotFound(() => r.client.send(new DescribeTrainingJobCommand({ TrainingJobName: this.name })));
    } else {
      const error = await errorOf(send);
      expect(error.name).toBe("ResourceInUse");
    }
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
      const page = await r.client.send(new ListTrainingJobsCommand({ MaxResults: this.pageSize, NextToken: token, SortBy: "Name" }));
      expect(page.TrainingJobSummaries!.length).toBeLessThanOrEqual(this.pageSize);
      for (const s of page.TrainingJobSummaries!) {
        seen.push(s.TrainingJobName!);
        const entry = m.jobs.get(s.TrainingJobName!.toLowerCase())!;
        expect(entry).toBeDefined();
        if (entry.status) expect(NEXT[entry.status]).toContain(s.TrainingJobStatus);
      }
      token = page.NextToken;
    } while (token);
    expect(seen).toEqual([...m.jobs.values()].map((j) => j.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  toString = (): string => `list(pageSize=${this.pageSize})`;
}


describe("training jobs, model-based", () => {
  it("property: statuses move only along legal transitions, terminal statuses never change, timestamps are ordered, billing stays within MaxRuntimeInSeconds, and every rejected call gets the real error", async () => {
    // Case variants of a few names, so case-insensitive uniqueness is exercised.
    const name = fc.constantFrom("job-a", "JOB-A", "job-b", "Job-B", "job-c");
    const commands = [
      fc.tuple(name, fc.integer({ min: 1, max: 900 })).map(([n, max]) => new Create(n, max)),
      name.map((n) => new Describe(n)),
      name.map((n) => new Stop(n)),
      name.map((n) => new Delete(n)),
      fc.integer({ min: 1, max: 4 }).map((size) => new List(size)),
      fc.integer({ min: 0, max: 600 }).map((s) => new AdvanceClock<Model>(s)),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.commands(commands, { maxCommands: 40 }),
        // Zero-length phases get their own generator: edge cases like an instant stop hide there.
        fc.record({ startingSeconds: seconds(120), trainingSeconds: seconds(900), stoppingSeconds: seconds(60) }),
        fc.boolean(),
        async (cmds, durations, failing) => {
          const { client, clock } = manualEmulator({
            durations,
            listTrainingJobsStatusFilterAfterPage: false,
            rules: failing ? [{ match: { name: /-b$/i }, outcome: { status: "Failed", failureReason: "ClientError: bad input" } }] : [],
          });
          await fc.asyncModelRun(() => ({ model: { jobs: new Map() }, real: { client, clock } }), cmds);
        },
      ),
      { numRuns: 150 },
    );
  });
});
