import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exchange, httpRequest, serverPerTest, type RawAnswer } from "./http-exchange.js";

// What no SDK sends, sent on raw sockets (node:net): odd request targets, missing Host, Expect,
// CONNECT, stalls. Every answer must still be AWS-shaped (issue 7, items 7 and 8).
const { start } = serverPerTest();
const API = { host: "localhost", "content-type": "application/x-amz-json-1.1", "x-amz-target": "SageMaker.ListTrainingJobs" };

function expectAwsShaped(answer: RawAnswer, status: number, type: string): void {
  expect(answer.status, answer.raw).toBe(status);
  expect(answer.headers["content-type"]).toBe("application/x-amz-json-1.1");
  expect(answer.headers["x-amzn-errortype"]).toBe(type);
  expect(answer.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(answer.json).toEqual({ __type: type, message: expect.any(String) });
  expect(Number(answer.headers["content-length"])).toBe(Buffer.byteLength(answer.body));
}

describe("odd request targets (issue 7, item 7)", () => {
  it.each(["http://[::1/", "http://x:99999/", "*", "ftp://localhost/"])("answers %j with 400 BadRequestException", async (target) => {
    const { port } = await start();
    const answer = await exchange(port, httpRequest("POST", target, API, "{}"));
    expectAwsShaped(answer, 400, "BadRequestException");
    expect(answer.json?.message).toBe(`The request target ${JSON.stringify(target)} is neither a path nor an http URL.`);
  });

  it("answers a target node's own parser refuses with the same 400", async () => {
    const { port } = await start();
    const answer = await exchange(port, httpRequest("POST", "no-slash", API, "{}"));
    expectAwsShaped(answer, 400, "BadRequestException");
    expect(answer.json?.message).toMatch(/^Malformed HTTP request: /);
  });

  it("serves `//` as the path it is (RFC 9112 §3.2.1 allows empty segments): GET gets 405, POST reaches the API", async () => {
    const { port } = await start();
    expectAwsShaped(await exchange(port, httpRequest("GET", "//", { host: "localhost" })), 405, "MethodNotAllowedException");
    const served = await exchange(port, httpRequest("POST", "//", API, "{}"));
    expect([served.status, served.json]).toEqual([200, { TrainingJobSummaries: [] }]);
  });

  it("accepts an absolute-form target naming the server (RFC 9112 §3.2.2), and refuses one naming another host", async () => {
    const { port } = await start();
    const own = await exchange(port, httpRequest("POST", `http://localhost:${port}/`, API, "{}"));
    expect(own.status).toBe(200);
    const foreign = await exchange(port, httpRequest("POST", "http://attacker.example/", API, "{}"));
    expectAwsShaped(foreign, 403, "AccessDeniedException");
  });
});

describe("requests node would answer with an empty body or not at all (issue 7, item 8)", () => {
  it("answers a request without Host with 400 BadRequestException, HTTP/1.0 included", async () => {
    const { port } = await start();
    for (const version of ["1.1", "1.0"]) {
      const answer = await exchange(port, `GET /_sagerun/health HTTP/${version}\r\n\r\n`);
      expectAwsShaped(answer, 400, "BadRequestException");
      expect(answer.json?.message).toBe("The request has no Host header; HTTP/1.1 requires one (RFC 9112, section 3.2).");
    }
  });

  it("answers `Expect: 200-ok` with 417 ExpectationFailedException, and still honours 100-continue", async () => {
    const { port } = await start();
    const refused = await exchange(port, httpRequest("POST", "/", { ...API, expect: "200-ok" }, "{}"));
    expectAwsShaped(refused, 417, "ExpectationFailedException");
    expect(refused.json?.message).toBe('The server meets only "Expect: 100-continue"; got "Expect: 200-ok".');
    const continued = await exchange(port, httpRequest("POST", "/", { ...API, expect: "100-continue" }, "{}"));
    expect(continued.raw).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK\r\n/);
  });

  it("answers CONNECT with 405 MethodNotAllowedException instead of dropping the socket", async () => {
    const { port } = await start();
    const answer = await exchange(port, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
    expectAwsShaped(answer, 405, "MethodNotAllowedException");
    expect(answer.json?.message).toBe("The sagerun emulator is not a proxy: CONNECT is not served.");
  });

  it("answers headers larger than node accepts with 431 in AWS's shape", async () => {
    const { port } = await start();
    const answer = await exchange(port, httpRequest("GET", "/_sagerun/health", { host: "localhost", "x-big": "a".repeat(20_000) }));
    expectAwsShaped(answer, 431, "RequestHeaderFieldsTooLargeException");
  });
});

describe("timeouts (issue 7, item 8): set on purpose, and a timed-out request gets 408, not 400", () => {
  const timeouts = { headersMs: 300, requestMs: 600, keepAliveMs: 400 };

  it("answers headers that stop coming with 408 RequestTimeoutException after headersMs", async () => {
    const { port } = await start({ timeouts });
    const answer = await exchange(port, "POST / HTTP/1.1\r\nHost: localhost\r\n", { end: false });
    expectAwsShaped(answer, 408, "RequestTimeoutException");
    expect(answer.json?.message).toBe(
      "The request did not arrive in time: the server waits 0.3 s for a request's headers and 0.6 s for all of it.",
    );
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(290);
    expect(answer.closedAfterMs).toBeLessThan(1500);
  });

  it("answers a body that stops coming with 408 after requestMs, and keeps serving others", async () => {
    const { port } = await start({ timeouts });
    const answer = await exchange(port, 'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{"Max', { end: false });
    expectAwsShaped(answer, 408, "RequestTimeoutException");
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(590);
    expect(answer.closedAfterMs).toBeLessThan(2000);
    expect((await exchange(port, httpRequest("POST", "/", API, "{}"))).status).toBe(200);
  });

  it("closes an idle keep-alive connection quietly after keepAliveMs, with nothing written after the answer", async () => {
    const { port } = await start({ timeouts });
    const answer = await exchange(port, httpRequest("GET", "/_sagerun/health", { host: "localhost" }), { end: false });
    expect(answer.status).toBe(200);
    expect(answer.raw.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(answer.headers["keep-alive"]).toBeDefined();
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(390);
    expect(answer.closedAfterMs).toBeLessThan(3000); // node adds up to a second of grace to keepAliveTimeout
  });

  it("keeps the defaults documented in docs/clients.md: 20 s for headers, 60 s for a request, 65 s keep-alive", async () => {
    const { port } = await start();
    const answer = await exchange(port, httpRequest("GET", "/_sagerun/health", { host: "localhost", connection: "close" }));
    expect(answer.status).toBe(200);
    const { DEFAULT_TIMEOUTS } = await import("../../src/front-doors/server-timeouts.js");
    expect(DEFAULT_TIMEOUTS).toEqual({ headersMs: 20_000, requestMs: 60_000, keepAliveMs: 65_000 });
  });
});

describe("property: every framed request gets an HTTP answer, and every refusal is AWS-shaped (its service's shape), never a 5xx but S3's NotImplemented", () => {
  const method = fc.constantFrom("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD", "BREW");
  const target = fc.oneof(
    fc.constantFrom(
      "/",
      "//",
      "/_sagerun/health",
      "/_sagerun/state",
      "/_sagerun/reset",
      "/_sagerun/clock/advance",
      "/_sagerun/rules",
      "/_sagerun",
      "/x?y#z",
      "*",
      "http://[::1/",
      "http://x:99999/",
      "http://localhost/",
    ),
    fc.stringMatching(/^\/[A-Za-z0-9._~%!$&'()*+,;=:@/?-]{0,40}$/),
  );
  const host = fc.option(fc.constantFrom("localhost", "127.0.0.1:1", "[::1]", "attacker.example", "x:y:z", "LOCALHOST.", "sub.localhost"), {
    nil: undefined,
  });
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const extra = fc.record({
    "x-amz-target": optional(fc.constantFrom("SageMaker.ListTrainingJobs", "SageMaker.CreatePipeline", "SageMaker.", "Other.X")),
    "content-type": optional(
      fc.constantFrom("application/json", "application/x-amz-json-1.1", "text/plain", "application/json; charset=utf-8"),
    ),
    origin: optional(fc.constantFrom("http://localhost:3000", "https://attacker.example", "null")),
    expect: optional(fc.constantFrom("100-continue", "200-ok")),
  });
  const body = fc.oneof(
    fc.constant(""),
    fc.json(),
    fc.string({ maxLength: 60 }),
    fc.constant('{"seconds": 1e300}'),
    fc.constant('{"rules": []}'),
  );

  it("holds for generated requests", async () => {
    const { port } = await start();
    await fc.assert(
      fc.asyncProperty(method, target, host, extra, body, async (m, t, h, headers, b) => {
        const sent = Object.fromEntries(
          Object.entries({ ...(h === undefined ? {} : { host: h }), ...headers }).filter(([, v]) => v !== undefined),
        ) as Record<string, string>;
        const payload = m === "GET" || m === "HEAD" ? "" : b;
        const answer = await exchange(port, httpRequest(m, t, { ...sent, connection: "close" }, payload));
        expect(answer.status, answer.raw).toBeGreaterThanOrEqual(200);
        // A request the router gives S3 (a `<bucket>.localhost` host) is refused in S3's XML shape;
        // S3's own NotImplemented (501) marks a feature the emulator lacks, never a failure.
        const s3Code = /^<\?xml[^>]*>\s*<Error><Code>([A-Za-z]+)<\/Code>/.exec(answer.body)?.[1];
        if (s3Code !== "NotImplemented") expect(answer.status, answer.raw).toBeLessThan(500);
        if (answer.status >= 400 && m !== "HEAD" && s3Code === undefined) {
          expect(typeof answer.json?.__type, answer.raw).toBe("string");
          expect(answer.headers["x-amzn-errortype"], answer.raw).toBeDefined();
        }
        if (s3Code !== undefined) expect(answer.headers["x-amz-request-id"], answer.raw).toBeDefined();
      }),
      { numRuns: 150 },
    );
  });
});
