import { CreatePipelineCommand, DescribePipelineCommand, SageMakerClient, SageMakerServiceException } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { unimplementedOperation } from "../../src/errors.js";
import { Emulator } from "../../src/index.js";
import { serveWire, type WireRequest, type WireResponse } from "../../src/wire/aws-json.js";
import { errorOf, ROLE_ARN } from "../fixtures.js";
import { awsJsonHeaders, CREDENTIALS, REGION } from "./front-door.js";
import { serverPerTest } from "./http-exchange.js";

/**
 * An emulator that answers the pipeline operations as Emulator.call does for any SageMaker
 * operation it lacks, so the HTTP side of issue 7 item 14 is tested whatever Emulator.call does.
 */
class EmulatorWithoutPipelines extends Emulator {
  override serve(request: WireRequest): WireResponse {
    return serveWire(
      request,
      (operation, input) => {
        if (operation.endsWith("Pipeline")) throw unimplementedOperation(operation);
        return this.call(operation, input);
      },
      "00000000-0000-4000-8000-000000000000",
    );
  }
}

const { start, call, current } = serverPerTest();
const client = () => new SageMakerClient({ region: REGION, credentials: CREDENTIALS, endpoint: current().url, maxAttempts: 1 });

describe("an operation SageMaker has but the emulator lacks, over HTTP (issue 7, item 14)", () => {
  it("answers raw clients with UnknownOperationException and a message that names the gap", async () => {
    await start({ emulator: new EmulatorWithoutPipelines() });
    const answer = await call("/", { method: "POST", headers: awsJsonHeaders("SageMaker.CreatePipeline"), body: "{}" });
    expect([answer.status, answer.headers["x-amzn-errortype"]]).toEqual([400, "UnknownOperationException"]);
    expect(answer.json).toEqual({
      __type: "com.amazon.coral.service#UnknownOperationException",
      message:
        "SageMaker.CreatePipeline is a SageMaker operation that the sagerun emulator does not implement yet. Your client and request are fine: " +
        'this is a gap in the emulator. The operations it implements are listed in the @sagerun/emulator README, "What it emulates".',
    });
    const notAnOperation = await call("/", { method: "POST", headers: awsJsonHeaders("SageMaker.NoSuchThing"), body: "{}" });
    expect(notAnOperation.json).toEqual({ __type: "com.amazon.coral.service#UnknownOperationException" });
  });

  it("reaches the JS SDK as an UnknownOperationException with that message, not an UnknownError", async () => {
    await start({ emulator: new EmulatorWithoutPipelines() });
    const sdk = client();
    const error = await errorOf(() =>
      sdk.send(new CreatePipelineCommand({ PipelineName: "p", ClientRequestToken: "t".repeat(32), RoleArn: ROLE_ARN })),
    );
    sdk.destroy();
    expect(error).toBeInstanceOf(SageMakerServiceException);
    expect([error.name, error.$metadata?.httpStatusCode]).toEqual(["UnknownOperationException", 400]);
    expect(error.message).toMatch(/^SageMaker\.CreatePipeline is a SageMaker operation that the sagerun emulator does not implement yet\./);
  });

  it("logs each such operation once, to the injected logger, and nothing for other answers", async () => {
    const lines: string[] = [];
    await start({ emulator: new EmulatorWithoutPipelines(), log: (line) => lines.push(line) });
    const sdk = client();
    for (let i = 0; i < 3; i++) await errorOf(() => sdk.send(new DescribePipelineCommand({ PipelineName: "p" })));
    await errorOf(() => sdk.send(new CreatePipelineCommand({ PipelineName: "p", ClientRequestToken: "t".repeat(32), RoleArn: ROLE_ARN })));
    await call("/", { method: "POST", headers: awsJsonHeaders("SageMaker.NoSuchThing"), body: "{}" });
    await call("/", { method: "POST", headers: awsJsonHeaders("SageMaker.ListTrainingJobs"), body: "{}" });
    sdk.destroy();
    expect(lines).toEqual([
      "sagerun-emulator: a client called SageMaker.DescribePipeline, which the emulator does not implement yet; it answered UnknownOperationException saying so. (Logged once per operation.)",
      "sagerun-emulator: a client called SageMaker.CreatePipeline, which the emulator does not implement yet; it answered UnknownOperationException saying so. (Logged once per operation.)",
    ]);
  });
});
