import {
  CreateModelCommand,
  CreateTrainingJobCommand,
  DeleteModelCommand,
  ListModelsCommand,
  ListTrainingJobsCommand,
  StopTrainingJobCommand,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { manualEmulator, ROLE_ARN, trainingJobRequest } from "./fixtures.js";

const model = (name: string) =>
  new CreateModelCommand({
    ModelName: name,
    ExecutionRoleArn: ROLE_ARN,
    PrimaryContainer: { Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1" },
  });

describe("NextToken is a cursor, not an offset", () => {
  it("neither repeats nor drops an item when one is created between pages of a Descending list", async () => {
    const { clock, client } = manualEmulator();
    for (const name of ["m1", "m2", "m3"]) {
      await client.send(model(name));
      await clock.advance(1000);
    }
    const first = await client.send(new ListModelsCommand({ MaxResults: 2 }));
    expect(first.Models!.map((m) => m.ModelName)).toEqual(["m3", "m2"]);
    await client.send(model("m4"));
    const second = await client.send(new ListModelsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(second.Models!.map((m) => m.ModelName)).toEqual(["m1"]);
    expect(second.NextToken).toBeUndefined();
  });

  it("continues after the last item it returned even when that item is deleted", async () => {
    const { clock, client } = manualEmulator();
    for (const name of ["m1", "m2", "m3", "m4"]) {
      await client.send(model(name));
      await clock.advance(1000);
    }
    const first = await client.send(new ListModelsCommand({ MaxResults: 2, SortBy: "Name", SortOrder: "Ascending" }));
    await client.send(new DeleteModelCommand({ ModelName: "m2" }));
    const second = await client.send(
      new ListModelsCommand({ MaxResults: 2, SortBy: "Name", SortOrder: "Ascending", NextToken: first.NextToken }),
    );
    expect(second.Models!.map((m) => m.ModelName)).toEqual(["m3", "m4"]);
  });

  it("keeps creation order among resources created at the same instant", async () => {
    const { client } = manualEmulator();
    for (const name of ["zeta", "alpha", "mid"]) await client.send(model(name));
    const listed = await client.send(new ListModelsCommand({ SortOrder: "Ascending" }));
    expect(listed.Models!.map((m) => m.ModelName)).toEqual(["zeta", "alpha", "mid"]);
  });
});

describe("ListTrainingJobs' StatusEquals quirk", () => {
  it("filters after paging only when MaxResults is also set ([DOC] 'When StatusEquals and MaxResults are set at the same time')", async () => {
    const { clock, client } = manualEmulator();
    for (let i = 0; i < 12; i++) {
      await client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: `j-${String(i).padStart(2, "0")}` })));
      await clock.advance(1000);
    }
    await client.send(new StopTrainingJobCommand({ TrainingJobName: "j-11" }));
    const all = await client.send(new ListTrainingJobsCommand({ StatusEquals: "Stopping" }));
    expect(all.TrainingJobSummaries!.map((s) => s.TrainingJobName)).toEqual(["j-11"]);
    const paged = await client.send(new ListTrainingJobsCommand({ StatusEquals: "Stopping", MaxResults: 10 }));
    expect(paged.TrainingJobSummaries).toEqual([]);
    expect(paged.NextToken).toBeDefined();
  });
});
