import { ListTagsCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest, type Harness } from "../../test/fixtures.js";
import { runTrainingJob } from "../run-training-job.js";

const fast = { durations: { startingSeconds: 30, downloadingSeconds: 30, trainingSeconds: 60, uploadingSeconds: 30 } };

async function tagsOf(h: Harness, jobName: string): Promise<Record<string, string | undefined>> {
  const arn = `arn:aws:sagemaker:us-east-1:123456789012:training-job/${jobName}`;
  const { Tags = [] } = await h.emulator.client().send(new ListTagsCommand({ ResourceArn: arn }));
  return Object.fromEntries(Tags.map((t) => [t.Key, t.Value]));
}

describe("the sagerun:run-id tag", () => {
  it("is added to the user's own tags, which are kept", async () => {
    const h = emulatorHarness(fast);
    const config = trainingJobRequest({ TrainingJobName: "tagged", Tags: [{ Key: "team", Value: "churn" }] });
    await runTrainingJob(config, { client: h.client, clock: h.clock, runId: "run-7", waitForCompletion: false });
    expect(await tagsOf(h, "tagged")).toEqual({ team: "churn", "sagerun:run-id": "run-7" });
    expect(config.Tags).toEqual([{ Key: "team", Value: "churn" }]); // the caller's config is not modified
  });

  it("is a random UUID unless runId is given", async () => {
    const h = emulatorHarness(fast);
    await runTrainingJob(trainingJobRequest({ TrainingJobName: "random" }), { client: h.client, clock: h.clock, waitForCompletion: false });
    expect((await tagsOf(h, "random"))["sagerun:run-id"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("is left out with tagRunId: false", async () => {
    const h = emulatorHarness(fast);
    await runTrainingJob(trainingJobRequest({ TrainingJobName: "untagged" }), {
      client: h.client,
      clock: h.clock,
      tagRunId: false,
      waitForCompletion: false,
    });
    expect(await tagsOf(h, "untagged")).toEqual({});
  });

  it("does not fit next to 50 user tags: a RangeError before anything is created", async () => {
    const h = emulatorHarness(fast);
    const Tags = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    await expect(runTrainingJob(trainingJobRequest({ Tags }), { client: h.client, clock: h.clock })).rejects.toThrow(
      new RangeError(
        "The training job config's Tags has 50 tags; sagerun adds sagerun:run-id to recognise its own job after a lost Create " +
          "response, and SageMaker allows at most 50. Please drop a tag, or pass tagRunId: false.",
      ),
    );
    expect(h.calls).toEqual([]);
  });

  it("rejects a runId that is not a tag value, and a config that sets the key itself, before calling SageMaker", async () => {
    const h = emulatorHarness(fast);
    await expect(runTrainingJob(trainingJobRequest(), { client: h.client, clock: h.clock, runId: "" })).rejects.toThrow(
      /^Option runId \[\] must be a string of 1 to 256 characters \(a tag value\)/,
    );
    const config = trainingJobRequest({ Tags: [{ Key: "sagerun:run-id", Value: "mine" }] });
    await expect(runTrainingJob(config, { client: h.client, clock: h.clock })).rejects.toThrow(
      new TypeError(
        "The training job config's Tags already has the key sagerun:run-id, which sagerun sets itself. Please remove it, and pass runId to choose its value.",
      ),
    );
    expect(h.calls).toEqual([]);
  });
});
