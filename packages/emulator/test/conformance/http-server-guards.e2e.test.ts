import { CreateTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { trainingJobRequest } from "../fixtures.js";
import { exchange, httpRequest, serverPerTest } from "./http-exchange.js";

// Who may use the HTTP server (issue 7, item 9): requests addressed to its own names only (DNS
// rebinding), and no cross-site writes to the admin routes. Raw sockets, since fetch sets Host.
const { start, current } = serverPerTest();
const send = (method: string, target: string, headers: Record<string, string>, body = "") =>
  exchange(current().port, httpRequest(method, target, { connection: "close", ...headers }, body));
const API = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "SageMaker.ListTrainingJobs" };

describe("the Host rule: serve only requests addressed to the server's own names", () => {
  it("serves localhost, its subdomains and IP addresses, with or without a port, in any case", async () => {
    const { port } = await start();
    for (const host of [
      "localhost",
      `localhost:${port}`,
      "LOCALHOST.",
      "api.localhost",
      "127.0.0.1",
      `127.0.0.1:${port}`,
      "[::1]",
      `[::1]:${port}`,
      "10.1.2.3:8080",
    ]) {
      const answer = await send("GET", "/_sagerun/health", { host });
      expect([host, answer.status]).toEqual([host, 200]);
    }
  });

  it("refuses a foreign name with 403 AccessDeniedException, on the API and the admin routes alike", async () => {
    await start();
    for (const [method, path, headers] of [
      ["GET", "/_sagerun/state", {}],
      ["POST", "/_sagerun/reset", { "content-type": "application/json" }],
      ["POST", "/", API],
    ] as const) {
      const answer = await send(method, path, { host: "attacker.example:4566", ...headers }, method === "POST" ? "{}" : "");
      expect([answer.status, answer.json?.__type, answer.headers["x-amzn-errortype"]]).toEqual([
        403,
        "AccessDeniedException",
        "AccessDeniedException",
      ]);
      expect(answer.json?.message).toBe(
        'The sagerun emulator serves only requests addressed to one of its own names (localhost, an IP address; add one with --allow-host); got "attacker.example". This guards it against DNS rebinding.',
      );
    }
  });

  it("also serves the name it is bound to and the names allowed, and lists them when refusing", async () => {
    await start({ host: "localhost", allowedHosts: ["sagerun", "Emulator.Internal"] });
    for (const host of ["sagerun:4566", "emulator.internal", "localhost"])
      expect((await send("GET", "/_sagerun/health", { host })).status).toBe(200);
    const refused = await send("GET", "/_sagerun/health", { host: "other" });
    expect(refused.json?.message).toContain("(localhost, an IP address, sagerun, emulator.internal; add one with --allow-host)");
  });

  it("answers a Host that is not a host name with 400 BadRequestException", async () => {
    await start();
    const answer = await send("GET", "/_sagerun/health", { host: "a b" });
    expect([answer.status, answer.json?.__type, answer.json?.message]).toEqual([
      400,
      "BadRequestException",
      'The Host header "a b" is not a host name.',
    ]);
  });
});

describe("the admin rule: no cross-site requests", () => {
  it("refuses a write without Content-Type: application/json with 403, so a cross-site form or text/plain fetch cannot reset", async () => {
    const { emulator } = await start();
    await emulator.client().send(new CreateTrainingJobCommand(trainingJobRequest()));
    for (const type of [undefined, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const answer = await send("POST", "/_sagerun/reset", { host: "localhost", ...(type ? { "content-type": type } : {}) }, "{}");
      expect([answer.status, answer.json?.__type]).toEqual([403, "AccessDeniedException"]);
      expect(answer.json?.message).toBe(
        `Admin writes need Content-Type: application/json (a guard against cross-site requests); got ${type ? JSON.stringify(type.split(";")[0]) : "none"}.`,
      );
    }
    expect(emulator.state().trainingJobs).toHaveLength(1);
    expect(
      (await send("POST", "/_sagerun/reset", { host: "localhost", "content-type": "application/json; charset=utf-8" }, "{}")).status,
    ).toBe(200);
    expect(emulator.state().trainingJobs).toHaveLength(0);
  });

  it("refuses a foreign Origin on every admin route with 403, and serves the server's own origins", async () => {
    await start();
    const json = { host: "localhost", "content-type": "application/json" };
    for (const origin of ["https://attacker.example", "null", "file://"]) {
      for (const [method, path] of [
        ["POST", "/_sagerun/reset"],
        ["GET", "/_sagerun/state"],
        ["PUT", "/_sagerun/rules"],
      ] as const) {
        const answer = await send(method, path, { ...json, origin }, method === "GET" ? "" : '{"rules": []}');
        expect([origin, path, answer.status, answer.json?.__type]).toEqual([origin, path, 403, "AccessDeniedException"]);
        expect(answer.json?.message).toBe(
          `The admin routes refuse requests from web pages of other origins; got Origin ${JSON.stringify(origin)}.`,
        );
      }
    }
    expect((await send("POST", "/_sagerun/reset", { ...json, origin: `http://localhost:${current().port}` }, "{}")).status).toBe(200);
    expect((await send("GET", "/_sagerun/health", { host: "localhost", origin: "http://127.0.0.1:3000" })).status).toBe(200);
  });

  it("leaves the SageMaker API to the clients that never send Origin or JSON content types of the admin kind", async () => {
    await start();
    const answer = await send("POST", "/", { host: "localhost", ...API, "content-type": "application/x-amz-json-1.1" }, "{}");
    expect(answer.status).toBe(200);
  });
});
