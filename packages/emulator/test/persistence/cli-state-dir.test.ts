/**
 * `--state-dir` through the CLI run in-process (src/front-doors/cli-main.ts) and `startServer({
 * stateDir })`: a restart keeps the state, a torn last record is dropped with a warning on
 * stderr, and a dir of another format version or seed is refused with exit code 1.
 */
import { appendFileSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli.js";
import { createEmulator } from "../../src/index.js";
import { startServer } from "../../src/http.js";
import { frame, MAGIC } from "../../src/persistence/frames.js";
import { FORMAT_VERSION } from "../../src/persistence/records.js";

const fresh = () => mkdtempSync(join(tmpdir(), "sagerun-cli-state-"));

/** Runs the CLI in-process until its listening line (or its exit); `stop()` plays SIGTERM. */
async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stopped: new Promise<void>((r) => (stop = r)) };
  let exited: number | undefined;
  const exit = main(argv, io).then((code) => (exited = code));
  await expect.poll(() => out.length > 0 || exited !== undefined).toBe(true);
  const url = /^listening on (http:\/\/[^ ]+)$/.exec(out[0] ?? "")?.[1];
  return { url, err, exit, stop: () => stop() };
}

const aws = (url: string, target: string, body: unknown) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `SageMaker.${target}` },
    body: JSON.stringify(body),
  });

const MODEL = { ModelName: "kept", ExecutionRoleArn: "arn:aws:iam::123456789012:role/R", PrimaryContainer: { Image: "img" } };

describe("--state-dir on the command line", () => {
  it("keeps a change across a restart, and drops a torn last record with a warning on stderr", async () => {
    const dir = fresh();
    const first = await cli(["serve", "--port", "0", "--state-dir", dir]);
    expect((await aws(first.url!, "CreateModel", MODEL)).status).toBe(200);
    first.stop();
    expect(await first.exit).toBe(0);

    const journal = join(dir, "journal");
    const whole = statSync(journal).size;
    appendFileSync(journal, Uint8Array.from([200, 0, 0, 0, 1, 2, 3, 4, 5, 6])); // a frame promising 200 bytes, 2 written
    const second = await cli(["serve", "--port", "0", "--state-dir", dir]);
    expect(second.err).toEqual([
      `sagerun-emulator: ${journal} ends in a torn record at byte ${whole} (a frame of 200 bytes with 2 written), ` +
        "left by a crash mid-write; it was never acknowledged, so it is dropped (10 bytes).",
    ]);
    const described = await aws(second.url!, "DescribeModel", { ModelName: "kept" });
    expect(described.status).toBe(200);
    second.stop();
    expect(await second.exit).toBe(0);
  });

  it("refuses a state dir written in another format version, naming both, with exit code 1", async () => {
    const dir = fresh();
    const json = new TextEncoder().encode(JSON.stringify({ format: "sagerun-state", version: FORMAT_VERSION + 1, seed: 1 }));
    const header = new Uint8Array(4 + json.byteLength);
    new DataView(header.buffer).setUint32(0, json.byteLength, true);
    header.set(json, 4);
    writeFileSync(join(dir, "journal"), Buffer.concat([MAGIC, frame(header)]));
    const run = await cli(["serve", "--port", "0", "--state-dir", dir]);
    expect(await run.exit).toBe(1);
    expect(run.url).toBeUndefined();
    expect(run.err).toEqual([
      `sagerun-emulator: --state-dir ${dir}: ${join(dir, "journal")} was written in state format version ${FORMAT_VERSION + 1}, ` +
        `a newer format than version ${FORMAT_VERSION}, the only one this sagerun-emulator reads. ` +
        "Use the sagerun version that wrote it, or start with an empty --state-dir.",
    ]);
  });

  it("refuses a state dir built with another seed, with exit code 1", async () => {
    const dir = fresh();
    const first = await cli(["serve", "--port", "0", "--state-dir", dir, "--seed", "7"]);
    first.stop();
    expect(await first.exit).toBe(0);
    const second = await cli(["serve", "--port", "0", "--state-dir", dir]);
    expect(await second.exit).toBe(1);
    expect(second.err.join("\n")).toContain("holds a state built with seed 7, and this emulator has seed 1");
  });
});

describe("startServer({ stateDir })", () => {
  it("resumes the clock where it stood, not at the wall clock", async () => {
    const dir = fresh();
    const clockNow = async (url: string, seconds: number) => {
      const answer = await fetch(`${url}/_sagerun/clock/advance`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ seconds }),
      });
      return Date.parse(((await answer.json()) as { now: string }).now);
    };
    const first = await startServer({ port: 0, stateDir: dir });
    const stood = await clockNow(first.url, 30 * 86_400);
    await first.close();
    const second = await startServer({ port: 0, stateDir: dir });
    const resumed = await clockNow(second.url, 0);
    expect(resumed).toBeGreaterThanOrEqual(stood);
    expect(resumed - stood).toBeLessThan(60_000);
    await second.close();
  });

  it("serves an emulator that carries on after a restart on the same dir", async () => {
    const dir = fresh();
    const first = await startServer({ port: 0, stateDir: dir, timeScale: 60 });
    expect((await aws(first.url, "CreateModel", MODEL)).status).toBe(200);
    await first.close();
    const second = await startServer({ port: 0, stateDir: dir, timeScale: 60 });
    expect((await aws(second.url, "DescribeModel", { ModelName: "kept" })).status).toBe(200);
    await second.close();
  });

  it("refuses an emulator beside a state dir: replay needs the one it builds", async () => {
    await expect(startServer({ port: 0, stateDir: fresh(), emulator: createEmulator() })).rejects.toThrow(
      "startServer: pass either `emulator` or `stateDir`/`state`; an emulator on a state dir comes from openState.",
    );
  });
});
