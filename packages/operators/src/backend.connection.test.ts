import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { ListTrainingJobsCommand } from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand } from "@aws-sdk/client-sagemaker-runtime";
import { startServer, type RunningServer } from "@sagerun/emulator/http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createBackend, type SagerunBackend } from "./backend.js";
import { PackageNotInstalledError } from "./errors/index.js";
import { loadPeer } from "./internal/load-peer.js";

const TEST_CREDENTIALS = { accessKeyId: "AKIATEST", secretAccessKey: "test-secret" };

/** A put then a get through the backend's S3, a log group through its Logs, an InvokeEndpoint of a missing endpoint. */
async function useEveryService(b: SagerunBackend, tag: string): Promise<void> {
  const jobs = await b.client.send(new ListTrainingJobsCommand({}));
  expect(jobs.TrainingJobSummaries).toEqual([]);

  const s3 = await b.s3();
  expect(await b.s3()).toBe(s3); // built once
  await s3.send(new CreateBucketCommand({ Bucket: `data-${tag}` }));
  await s3.send(new PutObjectCommand({ Bucket: `data-${tag}`, Key: "train/iris.csv", Body: "5.1,3.5,1.4,0.2,0\n" }));
  const object = await s3.send(new GetObjectCommand({ Bucket: `data-${tag}`, Key: "train/iris.csv" }));
  expect(await object.Body?.transformToString()).toBe("5.1,3.5,1.4,0.2,0\n");

  const logs = await b.logs();
  await logs.send(new CreateLogGroupCommand({ logGroupName: `/sagerun/${tag}` }));
  const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/sagerun/" }));
  expect(groups.logGroups?.map((g) => g.logGroupName)).toContain(`/sagerun/${tag}`);

  const runtime = await b.runtime();
  await expect(runtime.send(new InvokeEndpointCommand({ EndpointName: "missing", Body: "1,2,3,4" }))).rejects.toMatchObject({
    name: "ValidationError",
    message: "Endpoint missing of account 123456789012 not found.",
  });
}

/** No AWS set-up at all on this machine: the test's own files and variables only. */
function isolateAwsEnvironment(dir: string): void {
  for (const name of [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_PROFILE",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
  ]) {
    vi.stubEnv(name, undefined);
  }
  for (const name of ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SAGEMAKER", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_STS"]) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv("AWS_CONFIG_FILE", join(dir, "config"));
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(dir, "credentials"));
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sagerun-backend-"));
  isolateAwsEnvironment(dir);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("createBackend on the emulator", () => {
  it("gives S3, CloudWatch Logs and SageMaker Runtime clients wired to the same emulator", async () => {
    const b = await createBackend({ backend: "emulator" });
    await useEveryService(b, "emulated");
    expect(b.emulator?.state().s3Buckets).toMatchObject([{ name: "data-emulated" }]);
  });

  it("runs the emulator in the region option, and does not use the AWS connection options, so the same code runs on both", async () => {
    const b = await createBackend({
      backend: "emulator",
      region: "eu-west-1",
      profile: "nowhere",
      roleArn: "arn:aws:iam::123456789012:role/Pipeline",
      endpoints: { sagemaker: "http://127.0.0.1:9" },
    });
    expect(b.emulator?.region).toBe("eu-west-1");
    expect(await b.client.config.region()).toBe("eu-west-1");
    await expect(b.client.send(new ListTrainingJobsCommand({}))).resolves.toMatchObject({ TrainingJobSummaries: [] });
  });
});

describe("createBackend on AWS, against sagerun-emulator serve in the same process", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, log: () => undefined });
  });
  afterAll(() => server.close());

  it("reaches it for all four services through the endpoints option", async () => {
    const url = server.url;
    const b = await createBackend({
      backend: "aws",
      region: "us-east-1",
      endpoints: { sagemaker: url, s3: url, logs: url, runtime: new URL(url) },
      clientConfig: { credentials: TEST_CREDENTIALS },
    });
    await useEveryService(b, "endpoints");
    expect(server.emulator.state().s3Buckets).toContainEqual(expect.objectContaining({ name: "data-endpoints" }));
  });

  it("reaches it for all four services through AWS_ENDPOINT_URL, which the SDK reads when no endpoint is given", async () => {
    vi.stubEnv("AWS_ENDPOINT_URL", server.url);
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAENV");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "env-secret");
    const b = await createBackend({ env: { SAGERUN_BACKEND: "aws" }, region: "us-east-1" });
    await useEveryService(b, "env");
    expect(server.emulator.state().logGroups).toContainEqual(expect.objectContaining({ logGroupName: "/sagerun/env" }));
  });

  it("lets an endpoints entry beat AWS_ENDPOINT_URL_<SERVICE> for its service only", async () => {
    vi.stubEnv("AWS_ENDPOINT_URL_SAGEMAKER", "http://127.0.0.1:9"); // nothing listens there
    vi.stubEnv("AWS_ENDPOINT_URL_S3", server.url);
    const b = await createBackend({
      backend: "aws",
      region: "us-east-1",
      endpoints: { sagemaker: server.url },
      clientConfig: { credentials: TEST_CREDENTIALS },
    });
    await expect(b.client.send(new ListTrainingJobsCommand({}))).resolves.toMatchObject({ TrainingJobSummaries: [] });
    await (await b.s3()).send(new CreateBucketCommand({ Bucket: "data-mixed" }));
    expect(server.emulator.state().s3Buckets).toContainEqual(expect.objectContaining({ name: "data-mixed" }));
  });
});

/** A stand-in for STS that answers AssumeRole, recording each request. */
async function startSts(): Promise<{ url: string; requests: { form: URLSearchParams; authorization: string }[]; close(): Promise<void> }> {
  const requests: { form: URLSearchParams; authorization: string }[] = [];
  const read = async (request: IncomingMessage): Promise<string> => {
    let body = "";
    for await (const chunk of request) body += String(chunk);
    return body;
  };
  const server: Server = createServer((request, response) => {
    void read(request).then((body) => {
      const form = new URLSearchParams(body);
      requests.push({ form, authorization: String(request.headers.authorization) });
      const xml =
        '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>' +
        "<Credentials><AccessKeyId>ASIAASSUMED</AccessKeyId><SecretAccessKey>assumed-secret</SecretAccessKey>" +
        "<SessionToken>assumed-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>" +
        `<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/Pipeline/${form.get("RoleSessionName")}</Arn>` +
        "<AssumedRoleId>AROATEST:session</AssumedRoleId></AssumedRoleUser>" +
        "</AssumeRoleResult><ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata></AssumeRoleResponse>";
      response.writeHead(200, { "content-type": "text/xml" }).end(xml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The `ci` profile: its keys in the credentials file, its region in the config file. */
function writeProfile(): void {
  writeFileSync(join(dir, "credentials"), "[ci]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = profile-secret\n");
  writeFileSync(join(dir, "config"), "[profile ci]\nregion = eu-central-1\n");
}

describe("createBackend's credentials on AWS", () => {
  it("reads the profile's credentials and region from AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE", async () => {
    writeProfile();
    const b = await createBackend({ backend: "aws", profile: "ci" });
    expect(await b.client.config.credentials()).toMatchObject({ accessKeyId: "AKIAPROFILE", secretAccessKey: "profile-secret" });
    expect(await b.client.config.region()).toBe("eu-central-1");
  });

  it("assumes roleArn through STS AssumeRole, signed with the profile's keys, once for every client", async () => {
    writeProfile();
    const sts = await startSts();
    try {
      const roleArn = "arn:aws:iam::123456789012:role/Pipeline";
      const b = await createBackend({ backend: "aws", profile: "ci", roleArn, roleSessionName: "nightly", endpoints: { sts: sts.url } });
      expect(await b.client.config.credentials()).toMatchObject({ accessKeyId: "ASIAASSUMED", sessionToken: "assumed-token" });
      const s3 = (await b.s3()) as unknown as { config: { credentials(): Promise<{ accessKeyId: string }> } };
      expect((await s3.config.credentials()).accessKeyId).toBe("ASIAASSUMED");

      expect(sts.requests).toHaveLength(1);
      const [{ form, authorization }] = sts.requests as [{ form: URLSearchParams; authorization: string }];
      expect(Object.fromEntries(form)).toMatchObject({ Action: "AssumeRole", RoleArn: roleArn, RoleSessionName: "nightly" });
      // Chained on the profile: STS saw the profile's key, in the profile's region.
      expect(authorization).toMatch(/Credential=AKIAPROFILE\/\d{8}\/eu-central-1\/sts\/aws4_request/);
    } finally {
      await sts.close();
    }
  });

  it("names the role session sagerun-<epoch ms> by default, and signs AssumeRole with clientConfig.credentials when given", async () => {
    const sts = await startSts();
    try {
      const b = await createBackend({
        backend: "aws",
        region: "us-west-2",
        roleArn: "arn:aws:iam::123456789012:role/Pipeline",
        endpoints: { sts: sts.url },
        clientConfig: { credentials: TEST_CREDENTIALS },
      });
      expect(await b.client.config.credentials()).toMatchObject({ accessKeyId: "ASIAASSUMED" });
      expect(sts.requests[0]?.form.get("RoleSessionName")).toMatch(/^sagerun-\d{13}$/);
      expect(sts.requests[0]?.authorization).toMatch(/Credential=AKIATEST\/\d{8}\/us-west-2\/sts\/aws4_request/);
    } finally {
      await sts.close();
    }
  });

  it("checks the connection options on the emulator too, where they are not used: a typo must not wait for AWS", async () => {
    await expect(createBackend({ backend: "emulator", endpoints: { cloudwatch: "http://127.0.0.1:4566" } as never })).rejects.toThrow(
      /^Option endpoints has an unknown service 'cloudwatch'\./,
    );
  });

  it("throws a TypeError naming the option and the fix for connection options that cannot work", async () => {
    await expect(createBackend({ backend: "aws", endpoints: { sageMaker: "http://x" } as never })).rejects.toThrow(
      new TypeError("Option endpoints has an unknown service 'sageMaker'. Please use one of: sagemaker, s3, logs, runtime, sts."),
    );
    await expect(createBackend({ backend: "aws", endpoints: { s3: "127.0.0.1:4566" } })).rejects.toThrow(
      /^Option endpoints\.s3 \[127\.0\.0\.1:4566\] must be an http\(s\) URL\./,
    );
    await expect(createBackend({ backend: "aws", roleSessionName: "nightly" })).rejects.toThrow(/roleSessionName is given without roleArn/);
    await expect(createBackend({ backend: "aws", region: "" })).rejects.toThrow(/^Option region \[\] must be a non-empty string\./);
    await expect(createBackend({ backend: "aws", profile: "ci", clientConfig: { credentials: TEST_CREDENTIALS } })).rejects.toThrow(
      /^Options profile and clientConfig\.credentials both say where credentials come from\./,
    );
  });
});

describe(loadPeer.name, () => {
  it("says which package to install when a backend's client needs one that is missing", async () => {
    const missing = Object.assign(
      new Error("Cannot find package '@aws-sdk/client-s3' imported from /app/node_modules/@sagerun/operators/dist/index.js"),
      {
        code: "ERR_MODULE_NOT_FOUND",
      },
    );
    const err = await loadPeer("@aws-sdk/client-s3", "the S3 client (backend.s3())", () => Promise.reject(missing)).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PackageNotInstalledError);
    expect(err).toMatchObject({ code: "PackageNotInstalled", packageName: "@aws-sdk/client-s3", cause: missing });
    expect((err as Error).message).toBe(
      "Failed to create the S3 client (backend.s3()): the package @aws-sdk/client-s3 is not installed. " +
        "Please install it next to @aws-sdk/client-sagemaker, in the same version (npm install @aws-sdk/client-s3).",
    );
  });

  it("rethrows any other failure, such as a dependency of that package missing", async () => {
    const broken = Object.assign(
      new Error("Cannot find package '@smithy/core' imported from /app/node_modules/@aws-sdk/client-s3/dist-cjs/index.js"),
      {
        code: "ERR_MODULE_NOT_FOUND",
      },
    );
    await expect(loadPeer("@aws-sdk/client-s3", "x", () => Promise.reject(broken))).rejects.toBe(broken);
  });
});
