import { CreateTrainingJobCommand, DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { trainingJobRequest } from "./fixtures.js";

describe("emulator clients on an auto-advancing virtual clock", () => {
  it("hold the clock while a send waits on the host, so a sleeper elsewhere cannot make time jump", async () => {
    const emulator = createEmulator({ requireInputData: false });
    const client = emulator.client();
    // A handler step that waits on a real timer, like the SDK's retry back-off does.
    client.middlewareStack.add(
      (next) => async (args) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return next(args);
      },
      { step: "build", name: "slowHost" },
    );
    const t0 = emulator.clock.now();
    let sleeperWokeAt: number | undefined;
    const sleeper = emulator.clock.sleep(3_600_000).then(() => (sleeperWokeAt = emulator.clock.now()));
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    expect(d.CreationTime!.getTime()).toBe(t0);
    expect(d.LastModifiedTime!.getTime()).toBe(t0);
    await sleeper;
    expect(sleeperWokeAt).toBe(t0 + 3_600_000);
  });
});
