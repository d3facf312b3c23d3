import { CreatePipelineCommand } from "@aws-sdk/client-sagemaker";
import { expect } from "vitest";
import { errorOf, ROLE_ARN } from "../fixtures.js";
import type { FrontDoor } from "./front-door.js";

/**
 * Protocol errors the SDK never provokes, sent as raw bytes through the door (Coral's answers as
 * seen in aws/aws-sdk-net#1536 and mhart/kinesalite#101).
 */
export const WIRE_CASES: Readonly<Record<string, (door: FrontDoor) => Promise<void>>> = {
  "answers an unknown or missing X-Amz-Target with Coral's UnknownOperationException, HTTP 400 (aws/aws-sdk-net#1536)": async (door) => {
    for (const target of ["SageMaker.NotAnOperation", "Other.ListTrainingJobs", undefined]) {
      const response = await door.post(target, "{}");
      expect([response.status, response.json]).toEqual([400, { __type: "com.amazon.coral.service#UnknownOperationException" }]);
      expect(response.headers["x-amzn-errortype"]).toBe("UnknownOperationException");
    }
  },

  "answers a SageMaker operation the emulator lacks with UnknownOperationException saying so, for raw clients and the SDK": async (
    door,
  ) => {
    const response = await door.post("SageMaker.CreatePipeline", "{}");
    expect([response.status, response.json.__type]).toEqual([400, "com.amazon.coral.service#UnknownOperationException"]);
    expect(response.json.message).toMatch(
      /^SageMaker\.CreatePipeline is a SageMaker operation that the sagerun emulator does not implement yet\./,
    );
    const error = await errorOf(() =>
      door.client.send(new CreatePipelineCommand({ PipelineName: "p", ClientRequestToken: "t".repeat(32), RoleArn: ROLE_ARN })),
    );
    expect([error.name, error.$metadata?.httpStatusCode]).toEqual(["UnknownOperationException", 400]);
    expect(error.message).toMatch(/does not implement yet\. Your client and request are fine/);
  },

  "answers a body that is not a JSON object with SerializationException, HTTP 400": async (door) => {
    for (const body of ["{not json", "[1, 2]"]) {
      const response = await door.post("SageMaker.ListTrainingJobs", body);
      expect(response.status).toBe(400);
      expect(response.json.__type).toBe("com.amazon.coral.service#SerializationException");
      expect(response.headers["content-type"]).toBe("application/x-amz-json-1.1");
    }
  },

  "refuses a body nested deeper than any SageMaker request (100,000 levels) with SerializationException, and stores nothing": async (
    door,
  ) => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const body = `{"TrainingJobName": "deep", "AlgorithmSpecification": {"TrainingImage": "i", "TrainingInputMode": "File", "Deep": ${deep}}}`;
    const response = await door.post("SageMaker.CreateTrainingJob", body);
    expect([response.status, response.json.__type]).toEqual([400, "com.amazon.coral.service#SerializationException"]);
    expect((await door.post("SageMaker.ListTrainingJobs", "{}")).json).toEqual({ TrainingJobSummaries: [] });
  },

  "answers a valid request with HTTP 200, the AWS JSON 1.1 content type and a request id": async (door) => {
    const response = await door.post("SageMaker.ListTrainingJobs", "{}");
    expect([response.status, response.json]).toEqual([200, { TrainingJobSummaries: [] }]);
    expect(response.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(response.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
  },
};
