import { CreateTrainingJobCommand, DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { errorOf, manualEmulator, ROUND_DURATIONS, trainingJobRequest } from "./fixtures.js";

const S = 1000;

describe("managed spot training ([DOC] Managed Spot Training lifecycle)", () => {
  it("stops a spot job at MaxWaitTimeInSeconds counted from creation: Stopping, then Stopped/MaxWaitTimeExceeded", async () => {
    const { clock, client } = manualEmulator({ durations: { ...ROUND_DURATIONS, trainingSeconds: 7200 } });
    const t0 = clock.now();
    await client.send(
      new CreateTrainingJobCommand(
        // The runtime limit counts from TrainingStartTime (t0 + 60 s), the wait limit from creation.
        trainingJobRequest({
          EnableManagedSpotTraining: true,
          StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 },
        }),
      ),
    );
    await clock.advanceTo(t0 + 3600 * S);
    const stopping = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect([stopping.TrainingJobStatus, stopping.SecondaryStatus]).toEqual(["Stopping", "Stopping"]);
    await clock.advanceTo(t0 + 3620 * S);
    const stopped = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect([stopped.TrainingJobStatus, stopped.SecondaryStatus]).toEqual(["Stopped", "MaxWaitTimeExceeded"]);
    expect(stopped.EnableManagedSpotTraining).toBe(true);
  });

  it("lets a spot job that finishes in time complete, and ignores MaxWaitTimeInSeconds for on-demand jobs", async () => {
    const { clock, client } = manualEmulator({ durations: ROUND_DURATIONS });
    await client.send(
      new CreateTrainingJobCommand(
        trainingJobRequest({
          TrainingJobName: "spot",
          EnableManagedSpotTraining: true,
          StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 },
        }),
      ),
    );
    await client.send(
      new CreateTrainingJobCommand(
        trainingJobRequest({ TrainingJobName: "on-demand", StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 3600 } }),
      ),
    );
    await clock.advance(3600 * S);
    for (const name of ["spot", "on-demand"]) {
      expect((await client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }))).TrainingJobStatus).toBe("Completed");
    }
  });

  it("requires MaxWaitTimeInSeconds ≥ MaxRuntimeInSeconds for spot jobs ([DOC] StoppingCondition)", async () => {
    const { client } = manualEmulator();
    const error = await errorOf(() =>
      client.send(
        new CreateTrainingJobCommand(
          trainingJobRequest({
            EnableManagedSpotTraining: true,
            StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 60 },
          }),
        ),
      ),
    );
    expect([error.name, error.message]).toEqual([
      "ValidationException",
      "MaxWaitTimeInSeconds must be equal to or greater than MaxRuntimeInSeconds.",
    ]);
  });
});
