import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../emulator.js";
import type { WireResponse } from "./aws-json.js";

const emulator = createEmulator();
const post = (target: string | undefined, body: string | undefined): WireResponse =>
  emulator.serve({ headers: { ...(target ? { "X-Amz-Target": target } : {}), "Content-Type": "application/x-amz-json-1.1" }, body });
const json = (response: WireResponse): Record<string, unknown> => JSON.parse(new TextDecoder().decode(response.body));

describe("AWS JSON 1.1 wire layer (sagemaker-semantics.md §1)", () => {
  it("answers an unknown or missing X-Amz-Target with Coral's UnknownOperationException, 400 (aws/aws-sdk-net#1536)", () => {
    for (const target of ["SageMaker.", "Other.DescribeTrainingJob", undefined]) {
      const response = post(target, "{}");
      expect(response.statusCode).toBe(400);
      expect(json(response)).toEqual({ __type: "com.amazon.coral.service#UnknownOperationException" });
      expect(response.headers["x-amzn-errortype"]).toBe("UnknownOperationException");
    }
    expect(json(post("SageMaker.CreateNotebookInstance", "{}")).__type).toBe("com.amazon.coral.service#UnknownOperationException");
  });

  it("answers a body that is not a JSON object with SerializationException, 400 (§1.2)", () => {
    for (const body of ["{not json", "[]", "42", "\"text\"", "null"]) {
      const response = post("SageMaker.ListTrainingJobs", body);
      expect(response.statusCode).toBe(400);
      expect(json(response).__type).toBe("com.amazon.coral.service#SerializationException");
    }
  });

  it("treats an empty body as no parameters, as boto3 and curl users send it", () => {
    expect(post("SageMaker.ListTrainingJobs", "").statusCode).toBe(200);
    expect(post("SageMaker.ListTrainingJobs", undefined).statusCode).toBe(200);
  });

  it("sends modelled errors with 'Message' and framework errors with 'message', plus x-amzn-ErrorType (§1.1)", () => {
    const notFound = post("SageMaker.DescribeTrainingJob", JSON.stringify({ TrainingJobName: "missing" }));
    expect(json(notFound)).toEqual({ __type: "ValidationException", message: "Requested resource not found." });
    expect(notFound.headers["x-amzn-errortype"]).toBe("ValidationException");
    expect(notFound.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(notFound.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
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
      }),
    );
    expect(created.statusCode).toBe(200);
    const described = json(post("SageMaker.DescribeTrainingJob", JSON.stringify({ TrainingJobName: "wire-job" })));
    expect(described.CreationTime).toBe(emulator.clock.now() / 1000);
  });

  it("property: whatever the body, the answer is a well-formed AWS JSON response, never a crash", () => {
    fc.assert(
      fc.property(fc.constantFrom("CreateTrainingJob", "DescribeTrainingJob", "ListTrainingJobs", "StopTrainingJob", "DeleteTrainingJob"), fc.oneof(fc.string(), fc.json()), (op, body) => {
        const response = post(`SageMaker.${op}`, body);
        const payload = json(response);
        if (response.statusCode === 200) return;
        expect(response.statusCode).toBe(400);
        expect(typeof payload.__type).toBe("string");
        expect(response.headers["x-amzn-errortype"]).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});
