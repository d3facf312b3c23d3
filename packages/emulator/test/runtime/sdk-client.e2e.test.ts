import {
  InvokeEndpointAsyncCommand,
  InvokeEndpointCommand,
  InvokeEndpointWithResponseStreamCommand,
  ModelError,
  SageMakerRuntimeClient,
  SageMakerRuntimeServiceException,
  ValidationError,
} from "@aws-sdk/client-sagemaker-runtime";
import { describe, expect, it } from "vitest";
import { ContainerError } from "../../src/containers/contract.js";
import { EmulatorRequestHandler } from "../../src/front-doors/smithy-handler.js";
import { serveRuntime } from "../../src/runtime/service.js";
import { serviceOf } from "../../src/service-router.js";
import { FakeRuntimePort, runtimeContext } from "./fake-port.js";

/**
 * The real SageMakerRuntimeClient (its REST-JSON serializer and error deserializer) against
 * serveRuntime, through the emulator's in-process request handler: every request must also be
 * one the service router sends to the runtime.
 */
function clientFor(port: FakeRuntimePort): SageMakerRuntimeClient {
  const context = runtimeContext();
  const handler = new EmulatorRequestHandler((request) => {
    expect(serviceOf(request)).toBe("runtime");
    return serveRuntime(request, port, context);
  });
  return new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: { accessKeyId: "sagerun", secretAccessKey: "sagerun" },
    maxAttempts: 1,
    requestHandler: handler,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("the call succeeded"),
    (error: unknown) => error,
  );
}

const port = new FakeRuntimePort({
  ep: {
    variants: [
      { name: "Blue", weight: 1 },
      { name: "Green", weight: 0 },
    ],
    serve: (variant, request) => ({
      body: JSON.stringify({ variant, got: new TextDecoder().decode(request.body), accept: request.accept }),
      contentType: "application/json",
      customAttributes: request.customAttributes === undefined ? undefined : `echo ${request.customAttributes}`,
    }),
  },
  failing: {
    serve: () => {
      throw new ContainerError("ClientError", "unable to evaluate payload provided", 415);
    },
  },
  creating: { status: "Creating" },
});

describe("SageMakerRuntimeClient against serveRuntime", () => {
  const client = clientFor(port);

  it("reads Body, ContentType, InvokedProductionVariant and CustomAttributes from the answer", async () => {
    const output = await client.send(
      new InvokeEndpointCommand({
        EndpointName: "ep",
        Body: new TextEncoder().encode("1,2,3"),
        ContentType: "text/csv",
        Accept: "application/json",
        CustomAttributes: "trace=42",
      }),
    );
    expect(JSON.parse(new TextDecoder().decode(output.Body))).toEqual({ variant: "Blue", got: "1,2,3", accept: "application/json" });
    expect(output.ContentType).toBe("application/json");
    expect(output.InvokedProductionVariant).toBe("Blue");
    expect(output.CustomAttributes).toBe("echo trace=42");
    expect(output.$metadata.requestId).toBe("req-1");
    expect(port.calls.at(-1)?.request.contentType).toBe("text/csv");
  });

  it("sends TargetVariant to the variant it names", async () => {
    const output = await client.send(new InvokeEndpointCommand({ EndpointName: "ep", Body: new Uint8Array([1]), TargetVariant: "Green" }));
    expect(output.InvokedProductionVariant).toBe("Green");
    expect(output.CustomAttributes).toBeUndefined();
  });

  it("raises the client's ValidationError for an unknown endpoint, an endpoint not in service and an unknown variant", async () => {
    const cases: [Partial<ConstructorParameters<typeof InvokeEndpointCommand>[0]>, string][] = [
      [{ EndpointName: "nope" }, "Endpoint nope of account 123456789012 not found."],
      [{ EndpointName: "creating" }, "Endpoint creating of account 123456789012 is not in service: its status is Creating."],
      [{ EndpointName: "ep", TargetVariant: "Red" }, "Variant Red of endpoint ep of account 123456789012 not found."],
    ];
    for (const [input, message] of cases) {
      const error = await rejection(client.send(new InvokeEndpointCommand({ EndpointName: "ep", Body: new Uint8Array([1]), ...input })));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ name: "ValidationError", message, $fault: "client" });
      expect((error as ValidationError).$metadata.httpStatusCode).toBe(400);
    }
  });

  it("raises the client's ModelError with OriginalStatusCode, OriginalMessage and LogStreamArn when the serving code fails", async () => {
    const error = await rejection(client.send(new InvokeEndpointCommand({ EndpointName: "failing", Body: new Uint8Array([1]) })));
    expect(error).toBeInstanceOf(ModelError);
    const modelError = error as ModelError;
    expect(modelError.$metadata.httpStatusCode).toBe(424);
    expect(modelError.OriginalStatusCode).toBe(415);
    expect(modelError.OriginalMessage).toBe("unable to evaluate payload provided");
    expect(modelError.LogStreamArn).toBe("arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/failing");
    expect(modelError.message).toMatch(
      /^Received client error \(415\) from primary with message "unable to evaluate payload provided"\. See /,
    );
  });

  it("surfaces the untyped 413 for a body over 6 MB as the service's base exception with the status", async () => {
    const error = await rejection(client.send(new InvokeEndpointCommand({ EndpointName: "ep", Body: new Uint8Array(6_291_457) })));
    expect(error).toBeInstanceOf(SageMakerRuntimeServiceException);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ message: "HTTP content length exceeded 6291456 bytes.", $metadata: { httpStatusCode: 413 } });
  });

  it("answers the streaming and asynchronous invocations with NotImplemented, saying the gap is the emulator's", async () => {
    const sends = [
      () => client.send(new InvokeEndpointWithResponseStreamCommand({ EndpointName: "ep", Body: new Uint8Array([1]) })),
      () => client.send(new InvokeEndpointAsyncCommand({ EndpointName: "ep", InputLocation: "s3://bucket/input.csv" })),
    ];
    for (const send of sends) {
      const error = await rejection(send());
      expect(error).toMatchObject({ name: "NotImplemented", $metadata: { httpStatusCode: 501 } });
      expect((error as Error).message).toMatch(/is a SageMaker Runtime operation that the sagerun emulator does not implement yet/);
    }
  });
});
