import { CreateTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { emulatorHarness, trainingJobRequest } from "../../test/fixtures.js";
import { trainingJob } from "../job-kinds/training.js";
import { findJob } from "./find-job.js";

describe(findJob.name, () => {
  it("passes the signal on: an abort rejects with its reason instead of answering", async () => {
    const h = emulatorHarness();
    await h.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "nightly" })));
    await expect(findJob(trainingJob, h.client, "nightly", AbortSignal.abort("enough"))).rejects.toBe("enough");
  });

  it("returns undefined for a name SageMaker does not know (ValidationException)", async () => {
    const h = emulatorHarness();
    await expect(findJob(trainingJob, h.client, "nobody")).resolves.toBeUndefined();
  });
});
