import { ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { setupServer } from "msw/node";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { s3Handlers, type SageMakerHandlersOptions } from "../../src/msw.js";
import { errorOf } from "../fixtures.js";
import { captureMswReports } from "../fixtures/msw-reports.js";

const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };
let close: (() => void) | undefined;
afterEach(() => close?.());

const reported = captureMswReports();

function intercept(options?: SageMakerHandlersOptions) {
  const server = setupServer(...s3Handlers(createEmulator({ requireInputData: false, region: "eu-west-1" }), options));
  server.listen({ onUnhandledRequest: "error" });
  close = () => server.close();
}
const listBuckets = (region: string, config: object = {}) =>
  new S3Client({ region, credentials: CREDENTIALS, maxAttempts: 1, ...config }).send(new ListBucketsCommand({}));

describe("s3Handlers: which requests the msw door answers", () => {
  it("answers S3 in any region by default, the dual-stack host too", async () => {
    intercept();
    for (const region of ["us-east-1", "eu-west-1", "ap-southeast-2"]) expect((await listBuckets(region)).Buckets).toEqual([]);
    expect((await listBuckets("us-west-2", { useDualstackEndpoint: true })).Buckets).toEqual([]);
    expect(reported()).toEqual([]);
  });

  it("answers only the regions asked for, and leaves other hosts unhandled", async () => {
    intercept({ region: "eu-west-1" });
    expect((await listBuckets("eu-west-1")).$metadata.httpStatusCode).toBe(200);
    expect((await errorOf(() => listBuckets("us-west-1"))).message).toMatch(/\[MSW\]/);
    const other = await errorOf(() => fetch("https://s3-bucket.example.com/key"));
    expect(other.message).toMatch(/fetch failed|\[MSW\]/);
    expect(reported()).toEqual(["GET https://s3.us-west-1.amazonaws.com/?x-id=ListBuckets", "GET https://s3-bucket.example.com/key"]);
  });
});
