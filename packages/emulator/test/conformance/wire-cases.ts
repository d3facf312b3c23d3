import { expect } from "vitest";
import type { FrontDoor } from "./front-door.js";

/** Protocol errors the SDK never provokes, sent as raw bytes through the door (sagemaker-semantics.md §1.2). */
export const WIRE_CASES: Readonly<Record<string, (door: FrontDoor) => Promise<void>>> = {
  "answers an unknown or missing X-Amz-Target with Coral's UnknownOperationException, HTTP 400 (aws/aws-sdk-net#1536)": async (door) => {
    for (const target of ["SageMaker.CreateNotebookInstance", "Other.ListTrainingJobs", undefined]) {
      const response = await door.post(target, "{}");
      expect([response.status, response.json]).toEqual([400, { __type: "com.amazon.coral.service#UnknownOperationException" }]);
      expect(response.headers["x-amzn-errortype"]).toBe("UnknownOperationException");
    }
  },

  "answers a body that is not a JSON object with SerializationException, HTTP 400": async (door) => {
    for (const body of ["{not json", "[1, 2]"]) {
      const response = await door.post("SageMaker.ListTrainingJobs", body);
      expect(response.status).toBe(400);
      expect(response.json.__type).toBe("com.amazon.coral.service#SerializationException");
      expect(response.headers["content-type"]).toBe("application/x-amz-json-1.1");
    }
  },

  "answers a valid request with HTTP 200, the AWS JSON 1.1 content type and a request id": async (door) => {
    const response = await door.post("SageMaker.ListTrainingJobs", "{}");
    expect([response.status, response.json]).toEqual([200, { TrainingJobSummaries: [] }]);
    expect(response.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(response.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
  },
};
