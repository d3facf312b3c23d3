import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { exchange, httpRequest, serverPerTest } from "../conformance/http-exchange.js";

const SIGNED_S3 = "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/s3/aws4_request, SignedHeaders=host, Signature=0";

describe("one emulator, one port: the router picks the service", () => {
  const { start } = serverPerTest();

  it("serves virtual-hosted requests to <bucket>.localhost and path-style ones to the same bucket", async () => {
    const { port } = await start();
    const put = await exchange(port, httpRequest("PUT", "/", { host: `vhost.localhost:${port}` }));
    expect(put.status).toBe(200);
    const object = await exchange(
      port,
      httpRequest("PUT", "/dir/a%20b.txt", { host: `vhost.localhost:${port}`, "content-type": "text/plain" }, "hi"),
    );
    expect([object.status, object.headers.etag]).toEqual([200, '"49f68a5c8493ec2c0bf489821c21fc3b"']);
    const pathStyle = await exchange(port, httpRequest("GET", "/vhost/dir/a%20b.txt", { host: "127.0.0.1", authorization: SIGNED_S3 }));
    expect([pathStyle.status, pathStyle.headers["content-type"], pathStyle.body]).toEqual([200, "text/plain", "hi"]);
  });

  it("routes by the SigV4 scope: an s3-signed request to a bare host is S3's, answered in S3's XML error shape", async () => {
    const { port } = await start();
    const missing = await exchange(port, httpRequest("GET", "/nobucket/key", { host: "127.0.0.1", authorization: SIGNED_S3 }));
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toBe("application/xml");
    expect(missing.body).toMatch(
      /<Error><Code>NoSuchBucket<\/Code><Message>The specified bucket does not exist<\/Message><BucketName>nobucket<\/BucketName><RequestId>[^<]+<\/RequestId><\/Error>$/,
    );
  });

  it("keeps SageMaker's answers for X-Amz-Target requests and unsigned requests to the bare host", async () => {
    const { port } = await start();
    const listed = await exchange(
      port,
      httpRequest(
        "POST",
        "/",
        { host: "127.0.0.1", "x-amz-target": "SageMaker.ListTrainingJobs", "content-type": "application/x-amz-json-1.1" },
        "{}",
      ),
    );
    expect([listed.status, JSON.parse(listed.body)]).toEqual([200, { TrainingJobSummaries: [] }]);
    const get = await exchange(port, httpRequest("GET", "/", { host: "127.0.0.1" }));
    expect([get.status, get.headers.allow]).toEqual([405, "POST"]);
  });

  it("answers S3's MethodNotAllowed (405) for a method S3 has no operation for, and NotImplemented (501) for a subresource the emulator lacks", async () => {
    const lines: string[] = [];
    const { port } = await start({
      emulator: createEmulator({ requireInputData: false }),
      log: (line) => lines.push(line),
    });
    const patch = await exchange(port, httpRequest("PATCH", "/bucket/key", { host: "127.0.0.1", authorization: SIGNED_S3 }));
    expect([patch.status, /<Code>(\w+)<\/Code>/.exec(patch.body)?.[1]]).toEqual([405, "MethodNotAllowed"]);
    const tagging = await exchange(port, httpRequest("GET", "/bucket?tagging", { host: "127.0.0.1", authorization: SIGNED_S3 }));
    expect([tagging.status, /<Code>(\w+)<\/Code>/.exec(tagging.body)?.[1]]).toEqual([501, "NotImplemented"]);
    expect(tagging.body).toContain("does not implement yet");
    await exchange(port, httpRequest("GET", "/other?tagging", { host: "127.0.0.1", authorization: SIGNED_S3 }));
    expect(lines).toEqual([
      "sagerun-emulator: a client called S3 GET /{Bucket}?tagging, which the emulator does not implement yet; it answered NotImplemented saying so. (Logged once per operation.)",
    ]);
  });

  it("re-creating one's own bucket outside us-east-1 is BucketAlreadyOwnedByYou (409)", async () => {
    const { port } = await start();
    const create = () => exchange(port, httpRequest("PUT", "/owned", { host: "127.0.0.1", authorization: SIGNED_S3 }));
    expect((await create()).status).toBe(200);
    const again = await create();
    expect([again.status, /<Code>(\w+)<\/Code>/.exec(again.body)?.[1]]).toEqual([409, "BucketAlreadyOwnedByYou"]);
  });
});
