import { CreateTrainingJobCommand, DescribeTrainingJobCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { systemClock, VirtualClock } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { trainingJobRequest } from "../fixtures.js";
import { awsJsonHeaders, CREDENTIALS, REGION } from "./front-door.js";
import { serverPerTest } from "./http-exchange.js";

const { start, call, admin, current } = serverPerTest();
const createJob = (name = "xgb-churn") =>
  call("/", {
    method: "POST",
    headers: awsJsonHeaders("SageMaker.CreateTrainingJob"),
    body: JSON.stringify(trainingJobRequest({ TrainingJobName: name })),
  });
/** 8.64e15 ms: the last instant a JavaScript Date holds (ECMA-262, Time Values and Time Range). */
const MAX_TIME_MS = 8.64e15;

describe("the HTTP server's admin routes under /_sagerun/", () => {
  it("answers GET /_sagerun/health with {status: ok}", async () => {
    await start();
    expect(await call("/_sagerun/health")).toMatchObject({ status: 200, json: { status: "ok" } });
  });

  it("dumps every resource at GET /_sagerun/state, timestamps as ISO strings, and forgets them on POST /_sagerun/reset", async () => {
    await start();
    await createJob();
    const { json } = await call("/_sagerun/state");
    const [job] = json.trainingJobs as { TrainingJobName: string; CreationTime: string }[];
    expect(job?.TrainingJobName).toBe("xgb-churn");
    expect(job?.CreationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await admin("/_sagerun/reset", {})).toMatchObject({ status: 200 });
    expect((await call("/_sagerun/state")).json.trainingJobs).toEqual([]);
  });

  it("lists every request the emulator answered at GET /_sagerun/requests, oldest first, with its outcome", async () => {
    await start();
    await createJob();
    await createJob();
    const { status, json } = await call("/_sagerun/requests");
    expect(status).toBe(200);
    const requests = json.requests as {
      service: string;
      operation: string;
      statusCode: number;
      errorCode?: string;
      input: Record<string, unknown>;
    }[];
    expect(requests.map((r) => [r.service, r.operation, r.statusCode, r.errorCode])).toEqual([
      ["sagemaker", "CreateTrainingJob", 200, undefined],
      ["sagemaker", "CreateTrainingJob", 400, "ResourceInUse"],
    ]);
    expect(requests[0]!.input.TrainingJobName).toBe("xgb-churn");
  });

  it("advances the clock by {seconds} and answers the new virtual time", async () => {
    const { emulator } = await start();
    const before = emulator.clock.now();
    const { status, json } = await admin("/_sagerun/clock/advance", { seconds: 3600 });
    expect(status).toBe(200);
    expect(Date.parse(json.now as string) - before).toBeGreaterThanOrEqual(3600_000);
  });

  it("refuses an advance that is not a non-negative finite number with a 400 ValidationException", async () => {
    await start();
    for (const body of ['{"seconds": -1}', '{"seconds": "60"}', '{"seconds": 1e999}', '{"seconds": null}', "{}", ""]) {
      const response = await call("/_sagerun/clock/advance", { method: "POST", headers: { "content-type": "application/json" }, body });
      expect([response.status, response.json.__type, response.headers["x-amzn-errortype"]]).toEqual([
        400,
        "ValidationException",
        "ValidationException",
      ]);
      expect(response.json.message).toMatch(/^'seconds' must be a finite number greater than or equal to 0/);
    }
    const garbled = await call("/_sagerun/clock/advance", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{seconds:",
    });
    expect([garbled.status, garbled.json.__type]).toEqual([400, "com.amazon.coral.service#SerializationException"]);
  });

  it("refuses an advance past the last instant a Date can hold with a clear 400, and the clock still works after it (issue 7, item 6)", async () => {
    const clock = new VirtualClock({ autoAdvance: false });
    await start({ emulator: createEmulator({ requireInputData: false, clock }) });
    const before = clock.now();
    const room = Math.floor((MAX_TIME_MS - before) / 1000);
    for (const seconds of [1e300, Number.MAX_VALUE, room + 1]) {
      const refused = await admin("/_sagerun/clock/advance", { seconds });
      expect([refused.status, refused.json.__type]).toEqual([400, "ValidationException"]);
      expect(refused.json.message).toBe(
        `'seconds' [${seconds}] would move the clock past the latest time a timestamp can hold (+275760-09-13T00:00:00.000Z); at most ${room} seconds remain.`,
      );
    }
    expect(clock.now()).toBe(before);
    const moved = await admin("/_sagerun/clock/advance", { seconds: 60 });
    expect([moved.status, moved.json.now]).toEqual([200, new Date(before + 60_000).toISOString()]);
    expect(Number.isFinite(clock.now())).toBe(true);
    // The last representable second is still reachable, and a job created there serialises.
    const last = await admin("/_sagerun/clock/advance", { seconds: room - 60 - 3600 });
    expect(last.status).toBe(200);
    expect((await createJob("at-the-edge")).status).toBe(200);
    expect((await call("/_sagerun/state")).status).toBe(200);
  });

  it("moves a VirtualClock through the admin route, and refuses with 409 a clock that cannot move", async () => {
    const clock = new VirtualClock({ autoAdvance: false });
    await start({ emulator: createEmulator({ requireInputData: false, clock }) });
    const before = clock.now();
    await admin("/_sagerun/clock/advance", { seconds: 90 });
    expect(clock.now() - before).toBe(90_000);
    await start({ emulator: createEmulator({ requireInputData: false, clock: systemClock }) });
    const refused = await admin("/_sagerun/clock/advance", { seconds: 1 });
    expect([refused.status, refused.json.__type]).toEqual([409, "ConflictException"]);
  });

  it("answers an unknown admin path with 404 and a wrong method with 405 and Allow", async () => {
    await start();
    const missing = await call("/_sagerun/nope");
    expect([missing.status, missing.json.__type, missing.headers["x-amzn-errortype"]]).toEqual([
      404,
      "NotFoundException",
      "NotFoundException",
    ]);
    expect(missing.json.message).toContain("GET /_sagerun/health");
    expect(missing.json.message).toContain("PUT /_sagerun/rules");
    const wrongAdmin = await call("/_sagerun/reset");
    expect([wrongAdmin.status, wrongAdmin.headers.allow, wrongAdmin.json.__type]).toEqual([405, "POST", "MethodNotAllowedException"]);
  });

  it("refuses an admin body nested deeper than the wire allows, as the API does", async () => {
    await start();
    const deep = await call("/_sagerun/clock/advance", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"seconds": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
    });
    expect([deep.status, deep.json.__type]).toEqual([400, "com.amazon.coral.service#SerializationException"]);
  });
});

describe("PUT /_sagerun/rules: replacing the rules at run time (issue 7, item 19)", () => {
  const client = () => new SageMakerClient({ region: REGION, credentials: CREDENTIALS, endpoint: current().url, maxAttempts: 1 });

  it("makes a matching job fail with the rule's reason, from a JSON pattern, while others complete", async () => {
    const clock = new VirtualClock({ autoAdvance: false });
    await start({ emulator: createEmulator({ requireInputData: false, clock }) });
    const rules = [
      { match: { name: { regex: "^FLAKY-", flags: "i" } }, outcome: { status: "Failed", failureReason: "AlgorithmError: boom" } },
    ];
    expect(await admin("/_sagerun/rules", { rules }, "PUT")).toMatchObject({ status: 200, json: { rules: 1 } });
    const sdk = client();
    await sdk.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "flaky-1" })));
    await sdk.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "steady-1" })));
    await admin("/_sagerun/clock/advance", { seconds: 3600 });
    const flaky = await sdk.send(new DescribeTrainingJobCommand({ TrainingJobName: "flaky-1" }));
    expect([flaky.TrainingJobStatus, flaky.FailureReason]).toEqual(["Failed", "AlgorithmError: boom"]);
    expect((await sdk.send(new DescribeTrainingJobCommand({ TrainingJobName: "steady-1" }))).TrainingJobStatus).toBe("Completed");
    sdk.destroy();
  });

  it("replaces, not appends: an empty list brings back the defaults for new jobs", async () => {
    const clock = new VirtualClock({ autoAdvance: false });
    await start({ emulator: createEmulator({ requireInputData: false, clock, rules: [{ outcome: { status: "Failed" } }] }) });
    expect(await admin("/_sagerun/rules", { rules: [] }, "PUT")).toMatchObject({ status: 200, json: { rules: 0 } });
    await createJob("after-reset");
    await admin("/_sagerun/clock/advance", { seconds: 3600 });
    const state = (await call("/_sagerun/state")).json.trainingJobs as { TrainingJobStatus: string }[];
    expect(state.map((job) => job.TrainingJobStatus)).toEqual(["Completed"]);
  });

  it("refuses a misspelled rule or a bad pattern with 400 ValidationException naming the place, and keeps the old rules", async () => {
    await start();
    const cases: Array<[unknown, RegExp]> = [
      [
        { rules: [{ match: { nmae: "flaky" } }] },
        /^rules\[0\]\.match has an unknown key "nmae"; the known keys are name, image, hyperParameters\.$/,
      ],
      [{ rules: [{ match: { name: { regex: "(" } } }] }, /^rules\[0\]\.match\.name is not a valid regular expression: /],
      [
        { rules: [{ match: { name: { pattern: "x" } } }] },
        /^rules\[0\]\.match\.name must be a string or \{"regex": "<pattern>", "flags": "<flags>"\}, got an object\.$/,
      ],
      [{ rules: [{ match: { image: { regex: "x", flag: "i" } } }] }, /^rules\[0\]\.match\.image has an unknown key "flag"/],
      [{ rules: [{ outcome: { status: "Crashed" } }] }, /^rules\[0\]\.outcome\.status \[Crashed\] must be "Completed" or "Failed"\.$/],
      [{ rules: {} }, /^rules must be an array of rules, got an object\.$/],
      [{}, /^rules must be an array of rules, got nothing\.$/],
      [{ rules: [], extra: 1 }, /^The body has an unknown key "extra"; the known key is rules\.$/],
    ];
    for (const [body, message] of cases) {
      const refused = await admin("/_sagerun/rules", body, "PUT");
      expect([refused.status, refused.json.__type], JSON.stringify(body)).toEqual([400, "ValidationException"]);
      expect(refused.json.message).toMatch(message);
    }
    const wrongMethod = await admin("/_sagerun/rules", { rules: [] }, "POST");
    expect([wrongMethod.status, wrongMethod.headers.allow]).toEqual([405, "GET, PUT"]);
  });
});
