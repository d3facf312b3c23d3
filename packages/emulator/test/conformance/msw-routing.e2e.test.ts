import { ListTrainingJobsCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { sageMakerHandlers, type SageMakerHandlersOptions } from "../../src/msw.js";
import { errorOf } from "../fixtures.js";
import { captureMswReports } from "../fixtures/msw-reports.js";
import { CREDENTIALS } from "./front-door.js";

let close: (() => void) | undefined;
afterEach(() => close?.());

const reported = captureMswReports();

function intercept(options?: SageMakerHandlersOptions) {
  const server = setupServer(...sageMakerHandlers(createEmulator({ requireInputData: false }), options));
  server.listen({ onUnhandledRequest: "error" });
  close = () => server.close();
}
const list = (region: string, config: object = {}) =>
  new SageMakerClient({ region, credentials: CREDENTIALS, maxAttempts: 1, ...config }).send(new ListTrainingJobsCommand({}));

describe("sageMakerHandlers: which requests the msw door answers", () => {
  it("answers SageMaker in any region by default, including the FIPS host", async () => {
    intercept();
    for (const region of ["us-east-1", "eu-west-1", "ap-southeast-2"]) {
      expect((await list(region)).TrainingJobSummaries).toEqual([]);
    }
    expect((await list("us-gov-west-1", { useFipsEndpoint: true })).TrainingJobSummaries).toEqual([]);
    expect(reported()).toEqual([]);
  });

  it("answers only the named region, or the regions a RegExp matches, and leaves the rest unhandled", async () => {
    intercept({ region: /^eu-/g });
    expect((await list("eu-central-1")).$metadata.httpStatusCode).toBe(200);
    expect((await list("eu-west-1")).$metadata.httpStatusCode).toBe(200); // a /g pattern keeps no lastIndex state
    const refused = await errorOf(() => list("us-east-1"));
    expect(refused.message).toMatch(/\[MSW\]/);
    expect(reported()).toEqual(["POST https://api.sagemaker.us-east-1.amazonaws.com/"]);
    close?.();
    intercept({ region: "us-west-2" });
    expect((await list("us-west-2")).$metadata.httpStatusCode).toBe(200);
    expect((await errorOf(() => list("us-west-1"))).message).toMatch(/\[MSW\]/);
    expect(reported()).toEqual([
      "POST https://api.sagemaker.us-east-1.amazonaws.com/",
      "POST https://api.sagemaker.us-west-1.amazonaws.com/",
    ]);
  });

  it("leaves other hosts unhandled, so onUnhandledRequest 'error' reports them", async () => {
    intercept();
    const error = await errorOf(() => fetch("https://runtime.sagemaker.us-east-1.amazonaws.com/", { method: "POST", body: "{}" }));
    expect(error.message).toMatch(/fetch failed|\[MSW\]/);
    expect(reported()).toEqual(["POST https://runtime.sagemaker.us-east-1.amazonaws.com/"]);
  });
});
