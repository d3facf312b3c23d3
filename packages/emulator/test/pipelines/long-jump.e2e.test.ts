import { CreatePipelineCommand, StartPipelineExecutionCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { definition, pipelineEmulator, ROLE_ARN, stepsOf, trainingStep } from "./harness.js";

// Status is derived, never ticked (docs/decisions/0006): how far the clock moves between two looks
// must not change when anything happened. Found by dag.prop.test.ts (seed 1495557445): after one
// jump past a job's end, its dependents started at the jump's end instead of at the job's.
describe("a chain of steps after one long clock jump", () => {
  it("starts each step at the instant its dependency ended, however far the clock moved unobserved", async () => {
    const { clock, client } = pipelineEmulator();
    const steps = [trainingStep("a"), trainingStep("b", { DependsOn: ["a"] }), trainingStep("c", { DependsOn: ["b"] })];
    await client.send(new CreatePipelineCommand({ PipelineName: "chain", RoleArn: ROLE_ARN, PipelineDefinition: definition(steps) }));
    const { PipelineExecutionArn } = await client.send(new StartPipelineExecutionCommand({ PipelineName: "chain" }));
    const start = clock.now();
    // Each training job takes 110 s (10 starting + 100 training): the chain ends at 330 s. Look once, at 10 hours.
    await clock.advance(36_000_000);
    const seen = await stepsOf(client, PipelineExecutionArn!);
    const at = (name: string, end: "StartTime" | "EndTime") => (seen[name]![end]!.getTime() - start) / 1000;
    expect([at("a", "StartTime"), at("a", "EndTime")]).toEqual([0, 110]);
    expect([at("b", "StartTime"), at("b", "EndTime")]).toEqual([110, 220]);
    expect([at("c", "StartTime"), at("c", "EndTime")]).toEqual([220, 330]);
    expect(Object.values(seen).map((s) => s.StepStatus)).toEqual(["Succeeded", "Succeeded", "Succeeded"]);
  });
});
