import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateProcessingJobCommand,
  CreateTrainingJobCommand,
  CreateTransformJobCommand,
  DeleteEndpointCommand,
  waitUntilEndpointDeleted,
  waitUntilEndpointInService,
  waitUntilProcessingJobCompletedOrStopped,
  waitUntilTrainingJobCompletedOrStopped,
  waitUntilTransformJobCompletedOrStopped,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { trainingJobRequest } from "./fixtures.js";
import { endpointConfigRequest, endpointRequest, modelRequest } from "./fixtures/hosting.js";
import { processingJobRequest, transformJobRequest } from "./fixtures/jobs.js";

/**
 * Issue 7, item 12: the AWS SDK's own waiters sleep on host timers, so nobody sleeps on the
 * emulator's virtual clock. On the default client (no clock handling by the user) time must still
 * move: it skips to the next lifecycle event, one per request, so each waiter sees a non-terminal
 * status first and then the terminal one, in about a second of wall time per transition.
 */
function recordStatuses(client: SageMakerClient, member: string): string[] {
  const seen: string[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const status = (result.output as unknown as Record<string, unknown>)[member];
      if (typeof status === "string") seen.push(status);
      return result;
    },
    { step: "initialize", name: "recordStatuses" },
  );
  return seen;
}

const waiter = { maxWaitTime: 3600, minDelay: 1, maxDelay: 2 } as const;

describe("the AWS SDK's waiters on the default emulator client", () => {
  it("waitUntilTrainingJobCompletedOrStopped sees InProgress, then Completed", async () => {
    const client = createEmulator({ requireInputData: false }).client();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    const seen = recordStatuses(client, "TrainingJobStatus");
    const result = await waitUntilTrainingJobCompletedOrStopped({ client, ...waiter }, { TrainingJobName: "xgb-churn" });
    expect(result.state).toBe("SUCCESS");
    expect(seen[0]).toBe("InProgress");
    expect(seen.at(-1)).toBe("Completed");
  });

  it("waitUntilProcessingJobCompletedOrStopped sees InProgress, then Completed", async () => {
    const client = createEmulator({ requireInputData: false }).client();
    await client.send(new CreateProcessingJobCommand(processingJobRequest()));
    const seen = recordStatuses(client, "ProcessingJobStatus");
    const name = processingJobRequest().ProcessingJobName!;
    expect((await waitUntilProcessingJobCompletedOrStopped({ client, ...waiter }, { ProcessingJobName: name })).state).toBe("SUCCESS");
    expect([seen[0], seen.at(-1)]).toEqual(["InProgress", "Completed"]);
  });

  it("waitUntilTransformJobCompletedOrStopped (the issue's own call) sees InProgress, then Completed", async () => {
    const client = createEmulator({ requireInputData: false }).client();
    await client.send(new CreateModelCommand(modelRequest({ ModelName: transformJobRequest().ModelName! })));
    await client.send(new CreateTransformJobCommand(transformJobRequest()));
    const seen = recordStatuses(client, "TransformJobStatus");
    const name = transformJobRequest().TransformJobName!;
    // Exactly the call a new user made (default maxDelay): it polled 11 times and timed out before.
    const result = await waitUntilTransformJobCompletedOrStopped({ client, maxWaitTime: 3600, minDelay: 1 }, { TransformJobName: name });
    expect(result.state).toBe("SUCCESS");
    expect([seen[0], seen.at(-1)]).toEqual(["InProgress", "Completed"]);
  });

  it("waitUntilEndpointInService sees Creating, then InService; waitUntilEndpointDeleted sees Deleting, then gone", async () => {
    const client = createEmulator({ requireInputData: false }).client();
    await client.send(new CreateModelCommand(modelRequest()));
    await client.send(new CreateEndpointConfigCommand(endpointConfigRequest()));
    await client.send(new CreateEndpointCommand(endpointRequest()));
    const seen = recordStatuses(client, "EndpointStatus");
    const { EndpointName } = endpointRequest();
    expect((await waitUntilEndpointInService({ client, ...waiter }, { EndpointName })).state).toBe("SUCCESS");
    expect([seen[0], seen.at(-1)]).toEqual(["Creating", "InService"]);

    seen.length = 0;
    await client.send(new DeleteEndpointCommand({ EndpointName }));
    expect((await waitUntilEndpointDeleted({ client, ...waiter }, { EndpointName })).state).toBe("SUCCESS");
    expect(seen[0]).toBe("Deleting");
  });

  it("a user's own setTimeout polling loop sees every status a stop goes through, in order", async () => {
    const emulator = createEmulator({ requireInputData: false });
    const client = emulator.client();
    await client.send(new CreateTrainingJobCommand(trainingJobRequest()));
    const { StopTrainingJobCommand, DescribeTrainingJobCommand } = await import("@aws-sdk/client-sagemaker");
    await client.send(new StopTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
    const seen: string[] = [];
    for (let i = 0; i < 20 && seen.at(-1) !== "Stopped"; i++) {
      const d = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: "xgb-churn" }));
      seen.push(d.TrainingJobStatus!);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // A busy host may let the loop look twice before time skips (host timers are not the clock's):
    // what must hold is that every status is seen, in order, and none is skipped over.
    expect(seen.filter((status, i) => status !== seen[i - 1])).toEqual(["Stopping", "Stopped"]);
  });
});
