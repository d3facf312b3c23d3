import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeTrainingJobCommand, ListTrainingJobsCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { setupServer } from "msw/node";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/front-doors/config-file.js";
import { createEmulator } from "../../src/index.js";
import { sageMakerHandlers } from "../../src/msw.js";
import { awsJsonHeaders, CREDENTIALS, REGION } from "../conformance/front-door.js";
import { serverPerTest } from "../conformance/http-exchange.js";

const { start, call, admin } = serverPerTest();
const listJobs = () => call("/", { method: "POST", headers: awsJsonHeaders("SageMaker.ListTrainingJobs"), body: "{}" });

describe("configuring faults", () => {
  it("refuses misspelled and impossible faults when the emulator is made, naming what is known", () => {
    expect(() => createEmulator({ faults: [{ fault: "throttle" } as never] })).toThrow(
      "faults[0].fault [throttle] must be one of throttling, internalFailure, latency, instanceQuota, capacityError, internalServerError, spotInterruption.",
    );
    expect(() => createEmulator({ faults: [{ fault: "latency" } as never] })).toThrow(
      /faults\[0\]\.ms \[undefined\] must be a finite number/,
    );
    expect(() => createEmulator({ faults: [{ fault: "throttling", rate: 1.5 }] })).toThrow(
      /faults\[0\]\.rate \[1\.5\] must be a number from 0/,
    );
    expect(() => createEmulator({ faults: [{ fault: "throttling", from: "tomorrow" }] })).toThrow(
      /faults\[0\]\.from \[tomorrow\] must be an ISO 8601/,
    );
    expect(() => createEmulator({ faults: [{ fault: "throttling", match: { service: "ec2" as never } }] })).toThrow(
      /match\.service \[ec2\] must be one of sagemaker, s3, logs, runtime/,
    );
    expect(() => createEmulator({ faults: [{ fault: "spotInterruption", interruptions: [{ afterSecond: 1 } as never] }] })).toThrow(
      /faults\[0\]\.interruptions\[0\] has an unknown key "afterSecond"; the known keys are afterSeconds, waitSeconds/,
    );
    expect(() => createEmulator({ faults: [{ fault: "capacityError", match: { nmae: "x" } as never }] })).toThrow(
      /faults\[0\]\.match has an unknown key "nmae"/,
    );
    expect(() => createEmulator({ faults: [{ fault: "instanceQuota", limit: -1 }] })).toThrow(/limit \[-1\] must be a whole number/);
    expect(() => createEmulator({ fualts: [] } as never)).toThrow(/options has an unknown key "fualts"/);
  });

  it("reads faults from a --config JSON file, patterns as {regex, flags}", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sagerun-faults-"));
    try {
      const file = join(dir, "config.json");
      const faults = [
        { fault: "throttling", match: { operation: { regex: "^list", flags: "i" } } },
        { fault: "capacityError", match: { name: { regex: "^gpu-" } } },
      ];
      await writeFile(file, JSON.stringify({ faults }));
      const options = await loadConfig(file);
      expect(options.faults).toEqual([
        { fault: "throttling", match: { operation: /^list/i } },
        { fault: "capacityError", match: { name: /^gpu-/ } },
      ]);
      const client = createEmulator(options).client();
      await expect(client.send(new ListTrainingJobsCommand({}))).rejects.toMatchObject({ name: "ThrottlingException" });
      await writeFile(file, JSON.stringify({ faults: [{ fault: "throttling", match: { operation: { regex: "(" } } }] }));
      await expect(loadConfig(file)).rejects.toThrow(/faults\[0\]\.match\.operation is not a valid regular expression/);
      await writeFile(file, JSON.stringify({ faults: [{ fault: "capacityError", match: { hyperParameters: { eta: { regex: "[" } } } }] }));
      await expect(loadConfig(file)).rejects.toThrow(/faults\[0\]\.match\.hyperParameters\["eta"\] is not a valid regular expression/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("POST /_sagerun/faults sets them, GET reads them back as JSON, DELETE or an empty list clears them", async () => {
    await start();
    const faults = [{ fault: "throttling", match: { operation: { regex: "^List", flags: "" } } }];
    expect(await admin("/_sagerun/faults", { faults })).toMatchObject({ status: 200, json: { faults: 1 } });
    expect((await call("/_sagerun/faults")).json).toEqual({ faults });
    const throttled = await listJobs();
    expect(throttled).toMatchObject({ status: 400, headers: { "x-amzn-errortype": "ThrottlingException" } });
    expect(throttled.json).toEqual({ __type: "ThrottlingException", message: "Rate exceeded" });

    expect(await admin("/_sagerun/faults", { faults: [] })).toMatchObject({ status: 200, json: { faults: 0 } });
    expect((await listJobs()).status).toBe(200);
    await admin("/_sagerun/faults", { faults });
    expect(await admin("/_sagerun/faults", {}, "DELETE")).toMatchObject({ status: 200, json: { faults: 0 } });
    expect((await listJobs()).status).toBe(200);
  });

  it("refuses a bad POST /_sagerun/faults as a ValidationException, and other methods with 405 and Allow", async () => {
    await start();
    expect(await admin("/_sagerun/faults", { faults: [{ fault: "throttling", rat: 1 }] })).toMatchObject({
      status: 400,
      json: { __type: "ValidationException", message: expect.stringMatching(/faults\[0\] has an unknown key "rat"/) },
    });
    expect(await admin("/_sagerun/faults", { fault: [] })).toMatchObject({
      status: 400,
      json: { message: expect.stringMatching(/unknown key "fault"/) },
    });
    expect(await admin("/_sagerun/faults", { faults: [] }, "PUT")).toMatchObject({ status: 405, headers: { allow: "GET, POST, DELETE" } });
  });

  it("delays answers over HTTP too, without holding up other connections", async () => {
    await start();
    await admin("/_sagerun/faults", { faults: [{ fault: "latency", ms: 60, match: { operation: "ListTrainingJobs" } }] });
    const order: string[] = [];
    const slow = listJobs().then(() => order.push("delayed List"));
    await call("/_sagerun/health").then(() => order.push("health"));
    await slow;
    expect(order).toEqual(["health", "delayed List"]);
  });

  it("delays answers through msw too, and throttles there in SageMaker's shape", async () => {
    const emulator = createEmulator({
      faults: [
        { fault: "latency", ms: 40 },
        { fault: "throttling", match: { operation: "DescribeTrainingJob" } },
      ],
    });
    const server = setupServer(...sageMakerHandlers(emulator));
    server.listen({ onUnhandledRequest: "error" });
    try {
      const client = new SageMakerClient({ region: REGION, credentials: CREDENTIALS, maxAttempts: 1 });
      const order: string[] = [];
      const slow = client.send(new ListTrainingJobsCommand({})).then(() => order.push("delayed List"));
      await new Promise((resolve) => setTimeout(resolve, 0));
      order.push("timer");
      await slow;
      expect(order).toEqual(["timer", "delayed List"]);
      await expect(client.send(new DescribeTrainingJobCommand({ TrainingJobName: "x" }))).rejects.toMatchObject({
        name: "ThrottlingException",
        $metadata: { httpStatusCode: 400 },
      });
      expect(emulator.requests().map((r) => [r.operation, r.statusCode])).toEqual([
        ["ListTrainingJobs", 200],
        ["DescribeTrainingJob", 400],
      ]);
    } finally {
      server.close();
    }
  });
});
