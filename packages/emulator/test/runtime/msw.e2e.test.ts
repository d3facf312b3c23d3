import { CreateEndpointCommand, CreateEndpointConfigCommand, CreateModelCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import {
  InvokeEndpointAsyncCommand,
  InvokeEndpointCommand,
  SageMakerRuntimeClient,
  SageMakerRuntimeServiceException,
  ValidationError,
  type SageMakerRuntimeClientConfig,
} from "@aws-sdk/client-sagemaker-runtime";
import { VirtualClock } from "@sagerun/transport";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { runtimeHandlers, sageMakerHandlers, type SageMakerHandlersOptions } from "../../src/msw.js";
import { errorOf, ROLE_ARN } from "../fixtures.js";
import { captureMswReports } from "../fixtures/msw-reports.js";

const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };
const SHOUT_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/shout:1";

let close: (() => void) | undefined;
afterEach(() => close?.());
const reported = captureMswReports();

/**
 * An emulator whose endpoint `shout` serves a registered image that upper-cases the body and says
 * how long it was, behind msw's handlers for SageMaker (to create the endpoint with the SDK's
 * default client) and, unless told otherwise, for SageMaker Runtime.
 */
async function intercept(options?: SageMakerHandlersOptions) {
  const clock = new VirtualClock({ autoAdvance: false });
  const emulator = createEmulator({
    clock,
    images: [
      {
        image: SHOUT_IMAGE,
        serve: () => ({
          invoke: (request) => {
            const text = new TextDecoder().decode(request.body);
            return { body: `${text.length}:${text.toUpperCase()}`, contentType: "text/x-shout" };
          },
        }),
      },
    ],
  });
  const server = setupServer(...sageMakerHandlers(emulator), ...runtimeHandlers(emulator, options));
  server.listen({ onUnhandledRequest: "error" });
  close = () => server.close();
  const sagemaker = new SageMakerClient({ region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 1 });
  await sagemaker.send(
    new CreateModelCommand({ ModelName: "shout", ExecutionRoleArn: ROLE_ARN, PrimaryContainer: { Image: SHOUT_IMAGE } }),
  );
  await sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: "shout",
      ProductionVariants: [{ VariantName: "Loud", ModelName: "shout", InstanceType: "ml.m5.large", InitialInstanceCount: 1 }],
    }),
  );
  await sagemaker.send(new CreateEndpointCommand({ EndpointName: "shout", EndpointConfigName: "shout" }));
  await clock.advance(3600_000);
}

/** A SageMakerRuntimeClient with the SDK's default HTTP handler: msw is all that stands between it and AWS. */
const runtime = (config: SageMakerRuntimeClientConfig = {}) =>
  new SageMakerRuntimeClient({ region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 1, ...config });
const invoke = (endpoint: string, config?: SageMakerRuntimeClientConfig) =>
  runtime(config).send(
    new InvokeEndpointCommand({ EndpointName: endpoint, ContentType: "text/plain", Body: new TextEncoder().encode("hi there") }),
  );

describe("runtimeHandlers: SageMaker Runtime behind msw", () => {
  it("answers InvokeEndpoint with the serving code's answer: Body, ContentType and InvokedProductionVariant", async () => {
    await intercept();
    const answer = await invoke("shout");
    expect(new TextDecoder().decode(answer.Body)).toBe("8:HI THERE");
    expect([answer.ContentType, answer.InvokedProductionVariant, answer.$metadata.httpStatusCode]).toEqual(["text/x-shout", "Loud", 200]);
    expect(reported()).toEqual([]);
  });

  it("answers the FIPS and China hosts the SDK resolves, and the rules' other FIPS form", async () => {
    await intercept();
    for (const config of [{ useFipsEndpoint: true }, { region: "eu-west-1", useFipsEndpoint: true }, { region: "cn-north-1" }]) {
      expect(new TextDecoder().decode((await invoke("shout", config)).Body)).toBe("8:HI THERE");
    }
    // runtime.sagemaker-fips.<region>.<suffix>: the endpoint rules' form for partitions without runtime-fips.
    const other = await fetch("https://runtime.sagemaker-fips.us-east-1.amazonaws.com/endpoints/shout/invocations", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "psst",
    });
    expect([other.status, await other.text()]).toEqual([200, "4:PSST"]);
    expect(reported()).toEqual([]);
  });

  it("answers a missing endpoint with the service's ValidationError, which the client raises as its modelled class", async () => {
    await intercept();
    const error = await errorOf(() => invoke("nope"));
    expect(error).toBeInstanceOf(ValidationError);
    expect([error.name, error.message]).toEqual(["ValidationError", "Endpoint nope of account 123456789012 not found."]);
  });

  it("answers every POST to a runtime host, so an invocation the emulator lacks gets its NotImplemented, not msw's error", async () => {
    await intercept();
    const error = await errorOf(() => runtime().send(new InvokeEndpointAsyncCommand({ EndpointName: "shout", InputLocation: "s3://b/k" })));
    expect(error).toBeInstanceOf(SageMakerRuntimeServiceException);
    expect([error.name, (error as SageMakerRuntimeServiceException).$metadata.httpStatusCode]).toEqual(["NotImplemented", 501]);
    expect(reported()).toEqual([]);
  });

  it("answers only the regions asked for, and leaves the rest unhandled", async () => {
    await intercept({ region: "eu-west-1" });
    expect((await invoke("shout", { region: "eu-west-1" })).InvokedProductionVariant).toBe("Loud");
    expect((await errorOf(() => invoke("shout"))).message).toMatch(/\[MSW\]/);
    expect(reported()).toEqual(["POST https://runtime.sagemaker.us-east-1.amazonaws.com/endpoints/shout/invocations"]);
  });
});
