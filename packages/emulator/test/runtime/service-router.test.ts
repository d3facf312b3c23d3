import { describe, expect, it } from "vitest";
import { serviceOf } from "../../src/service-router.js";
import type { WireRequest } from "../../src/wire/aws-json.js";

const signed = (service: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
});
const request = (target: string, headers: Record<string, string> = {}): WireRequest => ({
  method: "POST",
  target,
  headers,
  body: undefined,
});

describe(serviceOf.name, () => {
  it("routes a request signed for sagemaker to the runtime by its invocation paths (SageMaker Runtime's signingName is sagemaker)", () => {
    for (const suffix of ["invocations", "invocations-response-stream", "async-invocations"]) {
      expect(serviceOf(request(`/endpoints/my-ep/${suffix}`, { host: "127.0.0.1:4566", ...signed("sagemaker") }))).toBe("runtime");
    }
    const presigned = `/endpoints/ep/invocations?X-Amz-Credential=${encodeURIComponent("AKID/20260101/us-east-1/sagemaker/aws4_request")}`;
    expect(serviceOf(request(presigned, { host: "localhost" }))).toBe("runtime");
  });

  it("routes the runtime's own hosts to it, with or without a signature, FIPS forms included", () => {
    for (const host of [
      "runtime.sagemaker.us-east-1.amazonaws.com",
      "runtime-fips.sagemaker.us-east-1.amazonaws.com",
      "runtime.sagemaker-fips.us-gov-west-1.amazonaws.com",
    ]) {
      expect(serviceOf(request("/", { host }))).toBe("runtime");
      expect(serviceOf(request(`https://${host}/endpoints/ep/invocations`, signed("sagemaker")))).toBe("runtime");
    }
  });

  it("routes an unsigned invocation path to the runtime unless an S3 host or another signature claims it", () => {
    expect(serviceOf(request("/endpoints/ep/invocations", { host: "127.0.0.1:4566" }))).toBe("runtime");
    expect(serviceOf(request("/endpoints/ep/invocations", { host: "s3.us-east-1.amazonaws.com" }))).toBe("s3");
    expect(serviceOf(request("/endpoints/ep/invocations", { host: "endpoints.localhost" }))).toBe("s3");
    expect(serviceOf(request("/endpoints/ep/invocations", { host: "127.0.0.1", ...signed("s3") }))).toBe("s3");
    expect(serviceOf(request("/endpoints/ep/invocations", { host: "127.0.0.1", ...signed("logs") }))).toBe("logs");
  });

  it("keeps everything else as before: X-Amz-Target first, then the signature's service, then S3's hosts, else SageMaker", () => {
    const target = { "x-amz-target": "SageMaker.ListEndpoints" };
    expect(serviceOf(request("/endpoints/ep/invocations", { ...target, ...signed("sagemaker") }))).toBe("sagemaker");
    expect(serviceOf(request("https://runtime.sagemaker.us-east-1.amazonaws.com/", target))).toBe("sagemaker");
    expect(serviceOf(request("/", { "x-amz-target": "Logs_20140328.GetLogEvents" }))).toBe("logs");
    expect(serviceOf(request("/", signed("sagemaker")))).toBe("sagemaker");
    expect(serviceOf(request("/", { host: "api.sagemaker.us-east-1.amazonaws.com" }))).toBe("sagemaker");
    expect(serviceOf(request("/", { host: "127.0.0.1" }))).toBe("sagemaker");
    expect(serviceOf(request("/bucket/key", { host: "s3.us-east-1.amazonaws.com" }))).toBe("s3");
    expect(serviceOf(request("/bucket/key", signed("s3")))).toBe("s3");
    expect(serviceOf(request("/", signed("execute-api")))).toBe("sagemaker");
  });

  it("does not take paths that only look like an invocation for the runtime's", () => {
    for (const path of [
      "/endpoints/ep/other",
      "/endpoints/invocations",
      "/endpoints/a/b/invocations",
      "/endpoints//invocations",
      "/x/endpoints/ep/invocations",
    ]) {
      expect(serviceOf(request(path, { host: "127.0.0.1", ...signed("sagemaker") }))).toBe("sagemaker");
    }
  });
});
