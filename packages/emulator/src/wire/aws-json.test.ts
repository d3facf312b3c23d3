import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../emulator.js";
import { ServiceError, unimplementedOperation } from "../errors.js";
import { errorResponse, serveWire, type Dispatch, type WireResponse } from "./aws-json.js";

const emulator = createEmulator({ requireInputData: false });
const headers = (target: string | undefined) => ({
  ...(target ? { "X-Amz-Target": target } : {}),
  "Content-Type": "application/x-amz-json-1.1",
});
const post = (target: string | undefined, body: string | undefined): WireResponse => emulator.serve({ headers: headers(target), body });
const json = (response: WireResponse): Record<string, unknown> => JSON.parse(new TextDecoder().decode(response.body));
/** serveWire over a dispatch of the test's own, to reach answers the emulator gives only in some states. */
const serveWith = (dispatch: Dispatch, target = "SageMaker.CreatePipeline", body = "{}") =>
  serveWire({ headers: headers(target), body }, dispatch, "req-1");

describe("AWS JSON 1.1 wire layer", () => {
  it("answers an unknown or missing X-Amz-Target with Coral's UnknownOperationException, 400, and no message (aws/aws-sdk-net#1536)", () => {
    for (const target of ["SageMaker.", "Other.DescribeTrainingJob", "SageMaker.NotAnOperation", undefined]) {
      const response = post(target, "{}");
      expect(response.statusCode).toBe(400);
      expect(json(response)).toEqual({ __type: "com.amazon.coral.service#UnknownOperationException" });
      expect(response.headers["x-amzn-errortype"]).toBe("UnknownOperationException");
    }
  });

  it("says so when the operation is SageMaker's but the emulator lacks it, and marks the response for the front door", () => {
    const response = serveWith((operation) => {
      throw unimplementedOperation(operation);
    });
    expect(response.statusCode).toBe(400);
    const body = json(response);
    expect(body.__type).toBe("com.amazon.coral.service#UnknownOperationException");
    expect(body.message).toMatch(
      /^SageMaker\.CreatePipeline is a SageMaker operation that the sagerun emulator does not implement yet\. Your client and request are fine/,
    );
    expect(response.headers["x-amzn-errortype"]).toBe("UnknownOperationException");
    expect(response.error).toBeInstanceOf(ServiceError);
  });

  it("serves the target prefix it is given: Logs_20140328 operations reach the dispatch, SageMaker's do not", () => {
    const seen: string[] = [];
    const dispatch: Dispatch = (operation) => {
      seen.push(operation);
      return {};
    };
    const logs = (target: string) => serveWire({ headers: headers(target), body: "{}" }, dispatch, "req-1", "Logs_20140328");
    expect(logs("Logs_20140328.GetLogEvents").statusCode).toBe(200);
    for (const target of ["SageMaker.ListTrainingJobs", "Logs_20140328.", "Logs_20140328GetLogEvents"]) {
      expect(json(logs(target))).toEqual({ __type: "com.amazon.coral.service#UnknownOperationException" });
    }
    expect(seen).toEqual(["GetLogEvents"]);
  });

  it("routes Logs_20140328 targets to CloudWatch Logs, with Logs' error shape (a lower-case message)", () => {
    const missing = post("Logs_20140328.DescribeLogStreams", '{"logGroupName":"/nope"}');
    expect(json(missing)).toEqual({ __type: "ResourceNotFoundException", message: "The specified log group does not exist." });
    expect(post("SageMaker.ListTrainingJobs", "{}").statusCode).toBe(200);
  });

  it("answers a body that is not a JSON object with SerializationException, namespaced as Coral sends it", () => {
    for (const body of ["{not json", "[]", "42", '"text"', "null"]) {
      const response = post("SageMaker.ListTrainingJobs", body);
      expect(response.statusCode).toBe(400);
      expect(json(response).__type).toBe("com.amazon.coral.service#SerializationException");
      expect(response.headers["x-amzn-errortype"]).toBe("SerializationException");
    }
  });

  it("refuses a body nested deeper than any SageMaker request before anything runs it", () => {
    let dispatched = false;
    const deep = `{"Tags": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const response = serveWith(
      () => {
        dispatched = true;
        return {};
      },
      "SageMaker.ListTrainingJobs",
      deep,
    );
    expect(dispatched).toBe(false);
    expect(response.statusCode).toBe(400);
    expect(json(response)).toEqual({
      __type: "com.amazon.coral.service#SerializationException",
      message: "The request body nests arrays and objects deeper than 64 levels; no SageMaker request does.",
    });
  });

  it("treats an empty body as no parameters, as boto3 and curl users send it", () => {
    expect(post("SageMaker.ListTrainingJobs", "").statusCode).toBe(200);
    expect(post("SageMaker.ListTrainingJobs", undefined).statusCode).toBe(200);
  });

  it("sends modelled errors with 'Message' and framework errors with 'message', plus x-amzn-ErrorType", () => {
    const notFound = post("SageMaker.DescribeTrainingJob", JSON.stringify({ TrainingJobName: "missing" }));
    expect(json(notFound)).toEqual({ __type: "ValidationException", message: "Requested resource not found." });
    expect(notFound.headers["x-amzn-errortype"]).toBe("ValidationException");
    expect(notFound.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(notFound.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
    const inUse = errorResponse(new ServiceError("ResourceInUse", "taken"), "req-2");
    expect(json(inUse)).toEqual({ __type: "ResourceInUse", Message: "taken" });
  });

  it("builds every front door's refusals the same way: status from the code, extra headers kept, a byte-exact length", () => {
    const refusal = errorResponse(new ServiceError("MethodNotAllowedException", "POST only"), "req-3", { allow: "POST" });
    expect(refusal.statusCode).toBe(405);
    expect(refusal.headers).toEqual({
      allow: "POST",
      "content-type": "application/x-amz-json-1.1",
      "content-length": String(refusal.body.byteLength),
      "x-amzn-requestid": "req-3",
      "x-amzn-errortype": "MethodNotAllowedException",
    });
    expect(json(refusal)).toEqual({ __type: "MethodNotAllowedException", message: "POST only" });
  });

  it("answers anything a dispatch throws that is not a ServiceError as a 500 InternalFailure, never a crash", () => {
    const response = serveWith(() => {
      throw new TypeError("boom");
    });
    expect(response.statusCode).toBe(500);
    expect(json(response)).toEqual({ __type: "InternalFailure", message: "The emulator failed to process the request: TypeError: boom" });
  });

  it("writes timestamps as epoch seconds with fractional milliseconds", () => {
    const created = post(
      "SageMaker.CreateTrainingJob",
      JSON.stringify({
        TrainingJobName: "wire-job",
        RoleArn: "arn:aws:iam::123456789012:role/R",
        AlgorithmSpecification: { TrainingImage: "img", TrainingInputMode: "File" },
        OutputDataConfig: { S3OutputPath: "s3://b/o" },
        ResourceConfig: { InstanceType: "ml.m5.large", InstanceCount: 1, VolumeSizeInGB: 1 },
        StoppingCondition: { MaxRuntimeInSeconds: 3600 },
      }),
    );
    expect(created.statusCode).toBe(200);
    const described = json(post("SageMaker.DescribeTrainingJob", JSON.stringify({ TrainingJobName: "wire-job" })));
    expect(described.CreationTime).toBe(emulator.clock.now() / 1000);
  });

  it("property: whatever the body, the answer is a well-formed AWS JSON response, never a crash", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("CreateTrainingJob", "DescribeTrainingJob", "ListTrainingJobs", "StopTrainingJob", "DeleteTrainingJob"),
        fc.oneof(fc.string(), fc.json()),
        (op, body) => {
          const response = post(`SageMaker.${op}`, body);
          const payload = json(response);
          if (response.statusCode === 200) return;
          expect(response.statusCode).toBe(400);
          expect(typeof payload.__type).toBe("string");
          expect(response.headers["x-amzn-errortype"]).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
