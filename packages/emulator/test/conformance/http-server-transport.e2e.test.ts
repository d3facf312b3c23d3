import { request as httpRequest } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { ScaledClock } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";
import { startServer } from "../../src/http.js";
import { awsJsonHeaders } from "./front-door.js";
import { exchange, serverPerTest } from "./http-exchange.js";

const { start, call } = serverPerTest();

describe("startServer: the HTTP front door's own transport behaviour", () => {
  it("binds loopback by default and reports the real port when asked for port 0", async () => {
    const { url, port } = await start();
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(port).toBeGreaterThan(0);
  });

  it("answers GET on the API with 405 MethodNotAllowedException and Allow: POST", async () => {
    await start();
    const wrongApi = await call("/");
    expect([wrongApi.status, wrongApi.headers.allow, wrongApi.json.__type]).toEqual([405, "POST", "MethodNotAllowedException"]);
    expect(wrongApi.headers["x-amzn-errortype"]).toBe("MethodNotAllowedException");
  });

  it("refuses a body over the cap with 413 RequestEntityTooLargeException, whether declared or streamed", async () => {
    const { port } = await start({ maxBodyBytes: 1024 });
    const declared = await call("/", { method: "POST", headers: awsJsonHeaders("SageMaker.ListTrainingJobs"), body: "x".repeat(2048) });
    expect([declared.status, declared.json]).toEqual([
      413,
      { __type: "RequestEntityTooLargeException", message: "HTTP content length exceeded 1024 bytes." },
    ]);
    expect(declared.headers["x-amzn-errortype"]).toBe("RequestEntityTooLargeException");
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

  it("survives a client that hangs up mid-body, and answers bytes that are not HTTP with a 400 in AWS's shape", async () => {
    const { port } = await start();
    await exchange(port, 'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{"Max');
    const garbage = await exchange(port, "NOT HTTP AT ALL\r\n\r\n");
    expect(garbage.raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(garbage.json).toEqual({ __type: "BadRequestException", message: expect.stringMatching(/^Malformed HTTP request: /) });
    expect([garbage.headers["x-amzn-errortype"], garbage.headers["content-type"]]).toEqual([
      "BadRequestException",
      "application/x-amz-json-1.1",
    ]);
    expect(garbage.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
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
    await expect(startServer({ emulator: createEmulator({ requireInputData: false }), timeScale: 2 })).rejects.toThrow(TypeError);
    const { port } = await start();
    await expect(startServer({ port })).rejects.toThrow(/EADDRINUSE/);
  });

  it("refuses timeouts it cannot honour, naming the key", async () => {
    await expect(startServer({ port: 0, timeouts: { headerMs: 5 } as never })).rejects.toThrow(
      /unknown key "headerMs"; the known keys are headersMs, requestMs, keepAliveMs/,
    );
    await expect(startServer({ port: 0, timeouts: { requestMs: 0 } })).rejects.toThrow(RangeError);
    await expect(startServer({ port: 0, timeouts: { headersMs: 2000, requestMs: 1000 } })).rejects.toThrow(
      /must not exceed timeouts.requestMs/,
    );
  });
});
