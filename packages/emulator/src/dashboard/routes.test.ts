import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateEndpointCommand, CreateTrainingJobCommand, DescribeTrainingJobCommand } from "@aws-sdk/client-sagemaker";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchange, httpRequest } from "../../test/conformance/http-exchange.js";
import { endpointRequest, ENDPOINT_DURATIONS, hostingEmulator } from "../../test/fixtures/hosting.js";
import { ROUND_DURATIONS, trainingJobRequest } from "../../test/fixtures.js";
import { startServer, type RunningServer } from "../http.js";
import { browseBucket } from "./data-reads.js";
import type { TimelineBar } from "./timeline.js";

describe("/_sagerun/ui over HTTP", () => {
  let server: RunningServer;
  let setup: Awaited<ReturnType<typeof hostingEmulator>>;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  const timeline = async () => ((await (await get("/_sagerun/ui/api/timeline")).json()) as { now: number; bars: TimelineBar[] }).bars;

  beforeAll(async () => {
    setup = await hostingEmulator({ durations: { ...ROUND_DURATIONS, ...ENDPOINT_DURATIONS } });
    server = await startServer({ port: 0, emulator: setup.emulator });
  });
  afterAll(() => server.close());

  it("serves the page with a policy that lets it reach nothing but this server", async () => {
    const page = await get("/_sagerun/ui");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("content-security-policy")).toContain("connect-src 'self'");
    const html = await page.text();
    expect(html).toContain("<script>");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it("keeps the admin routes' rules: a foreign Host or Origin is refused, only GET is served", async () => {
    // fetch sets Host itself: a raw request names another.
    const host = await exchange(server.port, httpRequest("GET", "/_sagerun/ui", { host: "rebound.example", connection: "close" }));
    expect([host.status, host.json?.__type]).toEqual([403, "AccessDeniedException"]);
    const origin = await get("/_sagerun/ui/api/state", { origin: "http://rebound.example" });
    expect(origin.status).toBe(403);
    expect(((await origin.json()) as { message: string }).message).toMatch(/other origins/);
    const post = await fetch(`${server.url}/_sagerun/ui/api/state`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    const unknown = await get("/_sagerun/ui/api/nothing");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain("/_sagerun/ui/api/: state, timeline");
  });

  it("draws a training job's phases from its SecondaryStatusTransitions, the current one up to now", async () => {
    await setup.client.send(new CreateTrainingJobCommand(trainingJobRequest({ TrainingJobName: "phases" })));
    const created = setup.clock.now();
    await setup.clock.advance(100_000);
    const bar = (await timeline()).find((b) => b.name === "phases")!;
    expect(bar).toMatchObject({ kind: "trainingJobs", status: "InProgress", start: created, end: created + 100_000, ended: false });
    expect(bar.phases.map((p) => [p.phase, p.start - created, p.end - created])).toEqual([
      ["Starting", 0, 60_000],
      ["Downloading", 60_000, 90_000],
      ["Training", 90_000, 100_000],
    ]);
    await setup.clock.advance(3600_000);
    const done = (await timeline()).find((b) => b.name === "phases")!;
    const described = await setup.client.send(new DescribeTrainingJobCommand({ TrainingJobName: "phases" }));
    expect(done).toMatchObject({ status: "Completed", ended: true, end: described.TrainingEndTime!.getTime() });
    expect(done.phases.map((p) => p.phase)).toEqual(["Starting", "Downloading", "Training", "Uploading", "Completed"]);
    // Each phase ends where the next begins.
    for (let i = 1; i < done.phases.length; i++) expect(done.phases[i]!.start).toBe(done.phases[i - 1]!.end);
  });

  it("draws an endpoint as what came before its status and the status since LastModifiedTime", async () => {
    await setup.client.send(new CreateEndpointCommand(endpointRequest({ EndpointName: "served" })));
    const created = setup.clock.now();
    await setup.clock.advance(150_000);
    const bar = (await timeline()).find((b) => b.name === "served")!;
    expect(bar.status).toBe("InService");
    expect(bar.phases.map((p) => [p.phase, p.start - created, p.end - created])).toEqual([
      ["Earlier", 0, ENDPOINT_DURATIONS.creatingSeconds * 1000],
      ["InService", ENDPOINT_DURATIONS.creatingSeconds * 1000, 150_000],
    ]);
  });

  it("lists the rules in force in api/state as GET /_sagerun/rules writes them, read afresh on every poll", async () => {
    const rulesIn = async (path: string) => ((await (await get(path)).json()) as { rules: unknown[] }).rules;
    const before = setup.emulator.rules();
    try {
      setup.emulator.setRules([
        {
          match: { name: /^flaky-/i, hyperParameters: { eta: "0.1" } },
          durations: { trainingSeconds: 30 },
          outcome: { status: "Failed", failureReason: "AlgorithmError: boom", afterSeconds: 5 },
          metrics: { "validation:auc": 0.9 },
        },
      ]);
      const shown = await rulesIn("/_sagerun/ui/api/state");
      expect(shown).toEqual([
        {
          match: { name: { regex: "^flaky-", flags: "i" }, hyperParameters: { eta: "0.1" } },
          durations: { trainingSeconds: 30 },
          outcome: { status: "Failed", failureReason: "AlgorithmError: boom", afterSeconds: 5 },
          metrics: { "validation:auc": 0.9 },
        },
      ]);
      expect(shown).toEqual(await rulesIn("/_sagerun/rules"));
      setup.emulator.setRules([]);
      expect(await rulesIn("/_sagerun/ui/api/state")).toEqual([]);
    } finally {
      setup.emulator.setRules(before);
    }
    // The tab has a place for them, filled by the page's script.
    expect(await (await get("/_sagerun/ui")).text()).toContain('id="rules-list"');
  });

  it("answers an execution's DAG for an ARN that does not exist with SageMaker's error", async () => {
    const missing = await get(
      `/_sagerun/ui/api/dag?arn=${encodeURIComponent("arn:aws:sagemaker:us-east-1:123456789012:pipeline/p/execution/nope")}`,
    );
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { __type: string }).__type).toContain("ResourceNotFound");
  });
});

describe("/_sagerun/ui on a state dir", () => {
  it("reads objects and log events without writing anything to the state dir", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sagerun-dashboard-state-"));
    const server = await startServer({ port: 0, stateDir: dir });
    try {
      server.emulator.appendEvents("/aws/sagemaker/TrainingJobs", "job/algo-1", [
        { timestamp: server.emulator.clock.now(), message: "epoch 1" },
      ]);
      // Path style on the server's own address: the SigV4 scope routes it to S3.
      const signed = {
        authorization: "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0",
      };
      expect((await fetch(`${server.url}/bucket`, { method: "PUT", headers: signed })).status).toBe(200);
      expect((await fetch(`${server.url}/bucket/a/b.txt`, { method: "PUT", headers: signed, body: "hello" })).status).toBe(200);
      const size = (): number => readdirSync(dir).reduce((total, name) => total + statSync(join(dir, name)).size, 0);
      const before = size();
      const preview = (await (await fetch(`${server.url}/_sagerun/ui/api/object?bucket=bucket&key=a%2Fb.txt`)).json()) as { text: string };
      expect(preview.text).toBe("hello");
      const logs = (await (
        await fetch(`${server.url}/_sagerun/ui/api/logs?group=%2Faws%2Fsagemaker%2FTrainingJobs&stream=job%2Falgo-1`)
      ).json()) as {
        events: { message: string }[];
      };
      expect(logs.events.map((e) => e.message)).toEqual(["epoch 1"]);
      expect((await fetch(`${server.url}/_sagerun/ui/api/state`)).status).toBe(200);
      expect(size()).toBe(before);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("browseBucket", () => {
  const key = fc.array(fc.constantFrom("a", "b", "/", "ü"), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(""));

  it("lists each key under the prefix once: as an object, or under the one sub-prefix it falls in", () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 20 }), fc.constantFrom("", "a", "a/", "b/a"), (keys, prefix) => {
        const objects = keys.map((k) => ({ key: k, size: 1, lastModified: "" }));
        const listing = browseBucket([{ name: "b", objects }], "b", prefix)!;
        const under = keys.filter((k) => k.startsWith(prefix));
        for (const k of under) {
          const containing = listing.prefixes.filter((p) => k.startsWith(p));
          const asObject = listing.objects.some((o) => o.key === k);
          expect(asObject ? 0 : 1).toBe(containing.length);
          expect(asObject).toBe(!k.slice(prefix.length).includes("/"));
        }
        expect(listing.objects.every((o) => o.key.startsWith(prefix))).toBe(true);
        expect(new Set(listing.prefixes).size).toBe(listing.prefixes.length);
        for (const p of listing.prefixes)
          expect(p.startsWith(prefix) && p.endsWith("/") && !p.slice(prefix.length, -1).includes("/")).toBe(true);
      }),
    );
  });

  it("answers undefined for a bucket that does not exist", () => {
    expect(browseBucket([], "missing", "")).toBeUndefined();
  });
});
