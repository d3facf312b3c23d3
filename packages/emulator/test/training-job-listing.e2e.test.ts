import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  ListTrainingJobsCommand,
  paginateListTrainingJobs,
  StopTrainingJobCommand,
  waitUntilTrainingJobCompletedOrStopped,
  type ListTrainingJobsCommandInput,
  type TrainingJobSummary,
} from "@aws-sdk/client-sagemaker";
import { ScaledClock, type VirtualClock } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { errorOf, manualEmulator, ROUND_DURATIONS, trainingJobRequest } from "./fixtures.js";

const S = 1000;

async function createJobs(names: string[], send: (c: CreateTrainingJobCommand) => Promise<unknown>, clock: VirtualClock) {
  for (const name of names) {
    await send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: name })));
    await clock.advance(10 * S);
  }
}

describe("ListTrainingJobs", () => {
  it("sorts by CreationTime ascending by default, and by Name or Status on request", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS });
    await createJobs(["c-job", "a-job", "b-job"], (c) => client.send(c), clock);
    const names = (r: { TrainingJobSummaries?: TrainingJobSummary[] | undefined }) => r.TrainingJobSummaries!.map((s) => s.TrainingJobName);
    expect(names(await client.send(new ListTrainingJobsCommand({})))).toEqual(["c-job", "a-job", "b-job"]);
    expect(names(await client.send(new ListTrainingJobsCommand({ SortBy: "Name" })))).toEqual(["a-job", "b-job", "c-job"]);
    expect(names(await client.send(new ListTrainingJobsCommand({ SortBy: "Name", SortOrder: "Descending" })))).toEqual([
      "c-job",
      "b-job",
      "a-job",
    ]);
  });

  it("filters by NameContains (case-insensitive) and creation/modification time", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS });
    const t0 = clock.now();
    await createJobs(["churn-1", "fraud-1", "CHURN-2"], (c) => client.send(c), clock);
    const list = async (input: ListTrainingJobsCommandInput) =>
      (await client.send(new ListTrainingJobsCommand(input))).TrainingJobSummaries!.map((s) => s.TrainingJobName);
    expect(await list({ NameContains: "churn" })).toEqual(["churn-1", "CHURN-2"]);
    expect(await list({ CreationTimeAfter: new Date(t0 + 10 * S) })).toEqual(["fraud-1", "CHURN-2"]);
    expect(await list({ CreationTimeBefore: new Date(t0 + 10 * S) })).toEqual(["churn-1"]);
    // churn-1 last changed at +20 s, CHURN-2 was created at +20 s, fraud-1 changed its message at +30 s.
    expect(await list({ LastModifiedTimeAfter: new Date(t0 + 25 * S) })).toEqual(["fraud-1"]);
  });

  it("pages with MaxResults and an opaque NextToken that is absent on the last page", async () => {
    const { clock, client } = manualEmulator();
    await createJobs(["j-1", "j-2", "j-3", "j-4", "j-5"], (c) => client.send(c), clock);
    const first = await client.send(new ListTrainingJobsCommand({ MaxResults: 2 }));
    expect(first.TrainingJobSummaries!.map((s) => s.TrainingJobName)).toEqual(["j-1", "j-2"]);
    const second = await client.send(new ListTrainingJobsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    const third = await client.send(new ListTrainingJobsCommand({ MaxResults: 2, NextToken: second.NextToken }));
    expect(third.TrainingJobSummaries!.map((s) => s.TrainingJobName)).toEqual(["j-5"]);
    expect(third.NextToken).toBeUndefined();
  });

  it("refuses a NextToken it did not issue, or one reused with another query", async () => {
    const { clock, client } = manualEmulator();
    await createJobs(["j-1", "j-2", "j-3"], (c) => client.send(c), clock);
    const first = await client.send(new ListTrainingJobsCommand({ MaxResults: 1 }));
    for (const input of [{ NextToken: "garbage" }, { NextToken: first.NextToken, NameContains: "j" }]) {
      const error = await errorOf(() => client.send(new ListTrainingJobsCommand(input)));
      expect([error.name, error.message]).toEqual(["ValidationException", "Invalid pagination token"]);
    }
  });

  it("applies StatusEquals after paging, so a page can be short yet carry a NextToken ([DOC] ListTrainingJobs)", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS });
    await createJobs(["j-1", "j-2", "j-3", "j-4"], (c) => client.send(c), clock);
    await client.send(new StopTrainingJobCommand({ TrainingJobName: "j-1" }));
    await client.send(new StopTrainingJobCommand({ TrainingJobName: "j-2" }));
    const page = await client.send(new ListTrainingJobsCommand({ MaxResults: 2, StatusEquals: "InProgress" }));
    expect(page.TrainingJobSummaries).toEqual([]);
    expect(page.NextToken).toBeDefined();
    const rest = await client.send(new ListTrainingJobsCommand({ MaxResults: 2, StatusEquals: "InProgress", NextToken: page.NextToken }));
    expect(rest.TrainingJobSummaries!.map((s) => s.TrainingJobName)).toEqual(["j-3", "j-4"]);
  });

  it("filters before paging when listTrainingJobsStatusFilterAfterPage is off", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS, listTrainingJobsStatusFilterAfterPage: false });
    await createJobs(["j-1", "j-2", "j-3"], (c) => client.send(c), clock);
    await client.send(new StopTrainingJobCommand({ TrainingJobName: "j-1" }));
    const page = await client.send(new ListTrainingJobsCommand({ MaxResults: 1, StatusEquals: "InProgress" }));
    expect(page.TrainingJobSummaries!.map((s) => s.TrainingJobName)).toEqual(["j-2"]);
  });
});

describe("the AWS SDK's own waiter and paginator, unmodified", () => {
  it("waitUntilTrainingJobCompletedOrStopped polls through InProgress to Completed", async () => {
    // The SDK waiter sleeps on real timers, so the emulator runs on scaled time here: 200 000
    // virtual seconds per real second turn a two-hour job into ~40 ms of polling.
    const emulator = createEmulator({
      requireInputData: false,
      clock: new ScaledClock({ scale: 200_000 }),
      durations: { trainingSeconds: 7200 },
    });
    const client = emulator.client();
    const t0 = emulator.clock.now();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest({ StoppingCondition: { MaxRuntimeInSeconds: 86_400 } })));
    const observed: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const status = (result.output as { TrainingJobStatus?: string }).TrainingJobStatus;
        if (status) observed.push(status);
        return result;
      },
      { step: "initialize", name: "observeStatus" },
    );
    const result = await waitUntilTrainingJobCompletedOrStopped(
      { client, maxWaitTime: 60, minDelay: 0.005, maxDelay: 0.01 },
      { TrainingJobName: "xgb-churn" },
    );
    expect(result.state).toBe("SUCCESS");
    expect(observed[0]).toBe("InProgress");
    expect(observed.at(-1)).toBe("Completed");
    const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect(d.TrainingEndTime!.getTime() - t0).toBeGreaterThan(7200 * S);
  });

  it("paginateListTrainingJobs walks every page and sees jobs InProgress", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS });
    await createJobs(
      Array.from({ length: 23 }, (_, i) => `job-${String(i).padStart(2, "0")}`),
      (c) => client.send(c),
      clock,
    );
    const pages: number[] = [];
    const all: TrainingJobSummary[] = [];
    for await (const page of paginateListTrainingJobs({ client, pageSize: 10 }, { SortBy: "Name" })) {
      pages.push(page.TrainingJobSummaries!.length);
      all.push(...page.TrainingJobSummaries!);
    }
    expect(pages).toEqual([10, 10, 3]);
    expect(all.map((s) => s.TrainingJobName)).toEqual(Array.from({ length: 23 }, (_, i) => `job-${String(i).padStart(2, "0")}`));
    expect(all.filter((s) => s.TrainingJobStatus === "InProgress").length).toBeGreaterThan(0);
  });
});
