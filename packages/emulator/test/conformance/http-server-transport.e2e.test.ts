import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { ScaledClock, systemClock, VirtualClock } from "@sagerun/transport";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { startServer, type RunningServer } from "../../src/http.js";
import { trainingJobRequest } from "../fixtures.js";
import { awsJsonHeaders, rawOf } from "./front-door.js";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const start = async (options: Parameters<typeof startServer>[0] = {}) => (server = await startServer({ port: 0, ...options }));
const call = async (path: string, init: RequestInit = {}) => rawOf(await fetch(`${server!.url}${path}`, init));
const createJob = (name = "xgb-churn") =>
  call("/", { method: "POST", headers: awsJsonHeaders("SageMaker.CreateTrainingJob"), body: JSON.stringify(trainingJobRequest({ TrainingJobName: name })) });

/** Sends raw bytes and returns the raw answer (for what fetch will not send). */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(bytes));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("startServer: the HTTP front door's own transport behaviour", () => {
  it("binds loopback by default and reports the real port when asked for port 0", async () => {
    const { url, port } = await start();
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(port).toBeGreaterThan(0);
  });

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
    expect(await call("/_sagerun/reset", { method: "POST" })).toMatchObject({ status: 200 });
    expect((await call("/_sagerun/state")).json.trainingJobs).toEqual([]);
  });

  it("advances the clock by {seconds} and answers the new virtual time", async () => {
    const { emulator } = await start();
    const before = emulator.clock.now();
    const { status, json } = await call("/_sagerun/clock/advance", { method: "POST", body: JSON.stringify({ seconds: 3600 }) });
    expect(status).toBe(200);
    expect(Date.parse(json.now as string) - before).toBeGreaterThanOrEqual(3600_000);
  });

  it("refuses an advance that is not a non-negative finite number with a 400 ValidationException", async () => {
    await start();
    for (const body of ['{"seconds": -1}', '{"seconds": "60"}', '{"seconds": 1e999}', '{"seconds": null}', "{}", ""]) {
      const response = await call("/_sagerun/clock/advance", { method: "POST", body });
      expect([response.status, response.json.__type, response.headers["x-amzn-errortype"]]).toEqual([400, "ValidationException", "ValidationException"]);
      expect(response.json.message).toMatch(/^'seconds' must be a finite number greater than or equal to 0/);
    }
    const garbled = await call("/_sagerun/clock/advance", { method: "POST", body: "{seconds:" });
    expect([garbled.status, garbled.json.__type]).toEqual([400, "SerializationException"]);
  });

  it("moves a VirtualClock through the admin route, and refuses with 409 a clock that cannot move", async () => {
    const clock = new VirtualClock({ autoAdvance: false });
    await start({ emulator: createEmulator({ clock }) });
    const before = clock.now();
    await call("/_sagerun/clock/advance", { method: "POST", body: '{"seconds": 90}' });
    expect(clock.now() - before).toBe(90_000);
    await server!.close();
    await start({ emulator: createEmulator({ clock: systemClock }) });
    const refused = await call("/_sagerun/clock/advance", { method: "POST", body: '{"seconds": 1}' });
    expect([refused.status, refused.json.__type]).toEqual([409, "ConflictException"]);
  });

  it("answers an unknown admin path with 404 and a wrong method with 405 and Allow", async () => {
    await start();
    const missing = await call("/_sagerun/nope");
    expect([missing.status, missing.json.__type]).toEqual([404, "NotFoundException"]);
    expect(missing.json.message).toContain("GET /_sagerun/health");
    const wrongAdmin = await call("/_sagerun/reset");
    expect([wrongAdmin.status, wrongAdmin.headers.allow]).toEqual([405, "POST"]);
    const wrongApi = await call("/");
    expect([wrongApi.status, wrongApi.headers.allow, wrongApi.json.__type]).toEqual([405, "POST", "MethodNotAllowedException"]);
  });

  it("refuses a body over the cap with 413 RequestEntityTooLargeException, whether declared or streamed", async () => {
    const { port } = await start({ maxBodyBytes: 1024 });
    const declared = await call("/", { method: "POST", headers: awsJsonHeaders("SageMaker.ListTrainingJobs"), body: "x".repeat(2048) });
    expect([declared.status, declared.json]).toEqual([
      413,
      { __type: "RequestEntityTooLargeException", message: "HTTP content length exceeded 1024 bytes." },
    ]);
    const streamed = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest({ port, method: "POST", path: "/", headers: awsJsonHeaders("SageMaker.ListTrainingJobs") }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", reject);
      req.write("x".repeat(800)); // chunked: no Content-Length to refuse up front
      req.end("x".repeat(800));
    });
    expect(streamed).toBe(413);
    expect((await call("/_sagerun/health")).status).toBe(200);
  });

  it("survives a client that hangs up mid-body, and answers bytes that are not HTTP with a 400 JSON error", async () => {
    const { port } = await start();
    await rawExchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"Max");
    const garbage = await rawExchange(port, "NOT HTTP AT ALL\r\n\r\n");
    expect(garbage).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(garbage).toContain('"__type":"SerializationException"');
    expect((await call("/_sagerun/health")).status).toBe(200);
  });

  it("runs on a ScaledClock of `timeScale` virtual seconds per real second", async () => {
    const { emulator } = await start({ timeScale: 1000 });
    expect(emulator.clock).toBeInstanceOf(ScaledClock);
    expect((emulator.clock as ScaledClock).scale).toBe(1000);
    const before = emulator.clock.now();
    await sleep(50);
    expect(emulator.clock.now() - before).toBeGreaterThanOrEqual(40_000);
  });

  it("refuses an emulator together with timeScale or seed, and rejects when the port is taken", async () => {
    await expect(startServer({ emulator: createEmulator(), timeScale: 2 })).rejects.toThrow(TypeError);
    const { port } = await start();
    await expect(startServer({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});
