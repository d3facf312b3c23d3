import { describe, expect, it } from "vitest";
import { FakeRuntimePort, runtimeContext } from "../../test/runtime/fake-port.js";
import { ContainerError } from "../containers/contract.js";
import type { WireRequest, WireResponse } from "../wire/aws-json.js";
import { serveRuntime } from "./service.js";

const text = (response: WireResponse): string => new TextDecoder().decode(response.body);
const json = (response: WireResponse): Record<string, unknown> => JSON.parse(text(response));

function post(path: string, headers: Record<string, string> = {}, body: WireRequest["body"] = "1,2,3"): WireRequest {
  return { method: "POST", target: `https://runtime.sagemaker.us-east-1.amazonaws.com${path}`, headers, body };
}

const invoke = (port: FakeRuntimePort, headers: Record<string, string> = {}, body: WireRequest["body"] = "1,2,3", name = "ep") =>
  serveRuntime(post(`/endpoints/${name}/invocations`, { "content-type": "text/csv", ...headers }, body), port, runtimeContext());

describe(serveRuntime.name, () => {
  it("answers the container's payload raw, with its Content-Type and the variant that served it", () => {
    const port = new FakeRuntimePort({ ep: { serve: () => ({ body: "0.25", contentType: "text/csv; charset=utf-8" }) } });
    const response = invoke(port);
    expect(response.statusCode).toBe(200);
    expect(text(response)).toBe("0.25");
    expect(response.headers).toEqual({
      "content-type": "text/csv; charset=utf-8",
      "x-amzn-invoked-production-variant": "AllTraffic",
      "content-length": "4",
      "x-amzn-requestid": "req-1",
    });
  });

  it("hands the container the body, Content-Type, Accept (parameters kept) and custom attributes as sent", () => {
    const port = new FakeRuntimePort({ ep: {} });
    const bytes = new Uint8Array([0, 255, 10]);
    invoke(port, { accept: "application/json; verbose=true", "X-Amzn-SageMaker-Custom-Attributes": "trace=abc" }, bytes);
    expect(port.calls).toEqual([
      {
        endpoint: "ep",
        variant: "AllTraffic",
        request: { body: bytes, contentType: "text/csv", accept: "application/json; verbose=true", customAttributes: "trace=abc" },
      },
    ]);
  });

  it("returns custom attributes only when the serving code sets them (API_runtime_InvokeEndpoint, CustomAttributes)", () => {
    const silent = invoke(new FakeRuntimePort({ ep: {} }), { "x-amzn-sagemaker-custom-attributes": "trace=abc" });
    expect(silent.headers["x-amzn-sagemaker-custom-attributes"]).toBeUndefined();
    const setting = new FakeRuntimePort({
      ep: { serve: () => ({ body: "", contentType: "text/csv", customAttributes: "Trace ID: abc" }) },
    });
    expect(invoke(setting).headers["x-amzn-sagemaker-custom-attributes"]).toBe("Trace ID: abc");
  });

  it("answers an unknown endpoint, matched by exact case, with ValidationError 'Endpoint X of account Y not found.' (aws/amazon-sagemaker-examples#293, #559)", () => {
    const port = new FakeRuntimePort({ MyEndpoint: {} });
    expect(invoke(port, {}, "x", "MyEndpoint").statusCode).toBe(200);
    const response = invoke(port, {}, "x", "myendpoint");
    expect(response.statusCode).toBe(400);
    expect(response.headers["x-amzn-errortype"]).toBe("ValidationError");
    expect(response.headers["content-type"]).toBe("application/json");
    expect(json(response)).toEqual({ Message: "Endpoint myendpoint of account 123456789012 not found." });
    expect(port.calls).toHaveLength(1);
  });

  it("serves while an update keeps the old fleet in service, and refuses Creating, Deleting, Failed and OutOfService endpoints", () => {
    for (const status of ["InService", "Updating", "SystemUpdating", "RollingBack", "UpdateRollbackFailed"]) {
      expect(invoke(new FakeRuntimePort({ ep: { status } })).statusCode).toBe(200);
    }
    for (const status of ["Creating", "Deleting", "Failed", "OutOfService"]) {
      const response = invoke(new FakeRuntimePort({ ep: { status } }));
      expect([response.statusCode, response.headers["x-amzn-errortype"]]).toEqual([400, "ValidationError"]);
      expect(json(response).Message).toBe(`Endpoint ep of account 123456789012 is not in service: its status is ${status}.`);
    }
  });

  it("sends TargetVariant's request to that variant, even one weighted 0, and refuses a name the endpoint lacks", () => {
    const variants = [
      { name: "A", weight: 1 },
      { name: "B", weight: 0 },
    ];
    const port = new FakeRuntimePort({ ep: { variants } });
    const response = invoke(port, { "x-amzn-sagemaker-target-variant": "B" });
    expect(response.headers["x-amzn-invoked-production-variant"]).toBe("B");
    const missing = invoke(port, { "x-amzn-sagemaker-target-variant": "b" });
    expect([missing.statusCode, json(missing)]).toEqual([400, { Message: "Variant b of endpoint ep of account 123456789012 not found." }]);
  });

  it("draws the variant by weight when no TargetVariant is sent, and refuses when every weight is 0", () => {
    const port = new FakeRuntimePort({
      ep: {
        variants: [
          { name: "A", weight: 0 },
          { name: "B", weight: 2 },
        ],
      },
    });
    expect(invoke(port).headers["x-amzn-invoked-production-variant"]).toBe("B");
    const idle = invoke(new FakeRuntimePort({ ep: { variants: [{ name: "A", weight: 0 }] } }));
    expect(json(idle).Message).toBe(
      "Endpoint ep of account 123456789012 has no production variant with a weight greater than 0; name one with TargetVariant.",
    );
  });

  it("refuses TargetModel: the emulator hosts no multi-model endpoint (aws/amazon-sagemaker-examples#1026)", () => {
    const response = invoke(new FakeRuntimePort({ ep: {} }), { "x-amzn-sagemaker-target-model": "model-a.tar.gz" });
    expect(json(response)).toEqual({ Message: "Endpoint ep is not a multi-model endpoint and does not support target model header." });
  });

  it("answers a ContainerError as ModelError (424) with the container's status and text and the endpoint's log group", () => {
    const failing = new FakeRuntimePort({
      ep: {
        serve: () => {
          throw new ContainerError("ClientError", "feature_dim 3 does not match 4");
        },
      },
    });
    const response = invoke(failing);
    expect([response.statusCode, response.headers["x-amzn-errortype"]]).toEqual([424, "ModelError"]);
    expect(json(response)).toEqual({
      Message:
        'Received client error (400) from primary with message "feature_dim 3 does not match 4". See ' +
        "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEventViewer:group=/aws/sagemaker/Endpoints/ep " +
        "in account 123456789012 for more information.",
      ErrorCode: "CLIENT_ERROR_FROM_MODEL",
      LogStreamArn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/ep",
      OriginalMessage: "feature_dim 3 does not match 4",
      OriginalStatusCode: 400,
    });
  });

  it("says 'server error' for a container that answers 5xx (aws/amazon-sagemaker-examples#4324)", () => {
    const crashing = new FakeRuntimePort({
      ep: {
        serve: () => {
          throw new ContainerError("AlgorithmError", "Worker died.", 500);
        },
      },
    });
    const body = json(invoke(crashing));
    expect(body.Message).toMatch(/^Received server error \(500\) from primary with message "Worker died\."\. See https:/);
    expect([body.OriginalStatusCode, body.ErrorCode]).toEqual([500, undefined]);
  });

  it("answers anything else the port throws as InternalFailure (500), never a crash", () => {
    const broken = new FakeRuntimePort({
      ep: {
        serve: () => {
          throw new TypeError("boom");
        },
      },
    });
    const response = invoke(broken);
    expect([response.statusCode, response.headers["x-amzn-errortype"]]).toEqual([500, "InternalFailure"]);
    expect(json(response)).toEqual({ Message: "The emulator failed to process the request: TypeError: boom" });
  });

  it("refuses a body over 6 MB with an untyped 413 before reading anything (aws/sagemaker-python-sdk#171)", () => {
    const port = new FakeRuntimePort({ ep: {} });
    expect(invoke(port, {}, new Uint8Array(6_291_456)).statusCode).toBe(200);
    const response = invoke(port, {}, new Uint8Array(6_291_457), "no-such-endpoint");
    expect(response.statusCode).toBe(413);
    expect(response.headers["x-amzn-errortype"]).toBeUndefined();
    expect(json(response)).toEqual({ message: "HTTP content length exceeded 6291456 bytes." });
  });

  it("checks the model's constraints on headers in Coral's words, naming a sensitive member without its value", () => {
    const port = new FakeRuntimePort({ ep: {} });
    const one = invoke(port, { "x-amzn-sagemaker-target-variant": "a_b" });
    expect(json(one).Message).toBe(
      "1 validation error detected: Value 'a_b' at 'targetVariant' failed to satisfy constraint: " +
        "Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9])*",
    );
    const two = invoke(port, { "x-amzn-sagemaker-custom-attributes": "é", "x-amzn-sagemaker-inference-id": "x".repeat(65) });
    expect(json(two).Message).toBe(
      "2 validation errors detected: Value at 'customAttributes' failed to satisfy constraint: " +
        "Member must satisfy regular expression pattern: \\p{ASCII}*; " +
        `Value '${"x".repeat(65)}' at 'inferenceId' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
    const long = invoke(port, {}, "x", "e".repeat(64));
    expect(json(long).Message).toMatch(/^1 validation error detected: Value 'e{64}' at 'endpointName' .* less than or equal to 63$/);
    expect(port.calls).toEqual([]);
  });

  it("reads a percent-encoded endpoint name and a string body", () => {
    const port = new FakeRuntimePort({ "my-ep": {} });
    const response = serveRuntime(post("/endpoints/my%2Dep/invocations", { "content-type": "text/csv" }, "héllo"), port, runtimeContext());
    expect([response.statusCode, text(response)]).toEqual([200, "héllo"]);
  });

  it("answers the streaming and asynchronous invocations as NotImplemented (501), marked for the HTTP server's gap log", () => {
    const port = new FakeRuntimePort({ ep: {} });
    for (const [suffix, operation] of [
      ["invocations-response-stream", "InvokeEndpointWithResponseStream"],
      ["async-invocations", "InvokeEndpointAsync"],
    ] as const) {
      const response = serveRuntime(post(`/endpoints/ep/${suffix}`), port, runtimeContext());
      expect([response.statusCode, response.headers["x-amzn-errortype"], response.unimplemented]).toEqual([
        501,
        "NotImplemented",
        `SageMaker Runtime ${operation}`,
      ]);
      expect(json(response).Message).toMatch(new RegExp(`^${operation} is a SageMaker Runtime operation that the sagerun emulator`));
    }
  });

  it("answers another method or path with UnknownOperationException (404)", () => {
    const port = new FakeRuntimePort({ ep: {} });
    for (const request of [{ ...post("/endpoints/ep/invocations"), method: "GET" }, post("/endpoints/ep/other")]) {
      const response = serveRuntime(request, port, runtimeContext());
      expect([response.statusCode, response.headers["x-amzn-errortype"]]).toEqual([404, "UnknownOperationException"]);
      expect(json(response).message).toMatch(/^SageMaker Runtime has no operation (GET|POST) \/endpoints\/ep\//);
    }
  });
});
