import { createEmulator, type Emulator } from "@sagerun/emulator";
import { describe, expect, it } from "vitest";
import { testLogsClient, type LogsFaultRule } from "../../test/logs-fixtures.js";
import { LogFollower, type FollowerPaging } from "./log-follower.js";
import type { JobLogLine } from "./logs-options.js";
import { logsReader } from "./logs-reader.js";

const GROUP = "/aws/sagemaker/TrainingJobs";
const T0 = Date.UTC(2026, 0, 1);

async function follower(emulator: Emulator, job: string, rule?: LogsFaultRule, paging?: FollowerPaging) {
  const logs = testLogsClient(emulator, rule);
  return { follower: new LogFollower(await logsReader(logs.client), GROUP, job, paging), logs };
}

function write(emulator: Emulator, stream: string, ...lines: [seconds: number, message: string][]): void {
  emulator.appendEvents(
    GROUP,
    stream,
    lines.map(([seconds, message]) => ({ timestamp: T0 + seconds * 1000, message })),
  );
}

const text = (lines: readonly JobLogLine[]): string[] => lines.map((l) => `${(l.timestamp - T0) / 1000} ${l.stream} ${l.message}`);

describe(LogFollower.name, () => {
  it("reads no lines, without an error, before the log group or the job's streams exist (ResourceNotFoundException)", async () => {
    const emulator = createEmulator();
    const { follower: f, logs } = await follower(emulator, "nightly");
    expect(await f.read()).toEqual({ lines: [] });
    expect(logs.calls).toEqual(["DescribeLogStreams"]);
    // The group exists (another job wrote), but this job has no stream yet.
    write(emulator, "other-job/algo-1-1767225601", [1, "not ours"]);
    expect(await f.read()).toEqual({ lines: [] });
    write(emulator, "nightly/algo-1-1767225601", [2, "first line"]);
    expect(text((await f.read()).lines)).toEqual(["2 nightly/algo-1-1767225601 first line"]);
  });

  it("streams the lines of two instances in timestamp order, each line once", async () => {
    const emulator = createEmulator();
    const { follower: f } = await follower(emulator, "nightly");
    write(emulator, "nightly/algo-1-1767225601", [10, "a1"], [12, "a2"], [15, "a3"]);
    write(emulator, "nightly/algo-2-1767225601", [11, "b1"], [12, "b2"], [20, "b3"]);
    expect(text((await f.read()).lines)).toEqual([
      "10 nightly/algo-1-1767225601 a1",
      "11 nightly/algo-2-1767225601 b1",
      "12 nightly/algo-1-1767225601 a2",
      "12 nightly/algo-2-1767225601 b2",
      "15 nightly/algo-1-1767225601 a3",
      "20 nightly/algo-2-1767225601 b3",
    ]);
    expect((await f.read()).lines).toEqual([]);
    write(emulator, "nightly/algo-2-1767225601", [20, "b4, same second as b3"], [21, "b5"]);
    write(emulator, "nightly/algo-1-1767225601", [22, "a4"]);
    expect(text((await f.read()).lines)).toEqual([
      "20 nightly/algo-2-1767225601 b4, same second as b3",
      "21 nightly/algo-2-1767225601 b5",
      "22 nightly/algo-1-1767225601 a4",
    ]);
  });

  it("picks up a stream that starts later (a restarted spot instance), and never another job's whose name starts alike", async () => {
    const emulator = createEmulator();
    const { follower: f } = await follower(emulator, "nightly");
    write(emulator, "nightly/algo-1-1767225601", [1, "before the interruption"]);
    write(emulator, "nightly-2/algo-1-1767225601", [1, "another job"]);
    expect(text((await f.read()).lines)).toEqual(["1 nightly/algo-1-1767225601 before the interruption"]);
    write(emulator, "nightly/algo-1-1767229200", [3600, "after the restart"]);
    expect(text((await f.read()).lines)).toEqual(["3600 nightly/algo-1-1767229200 after the restart"]);
  });

  it("pages through DescribeLogStreams and GetLogEvents with their tokens", async () => {
    const emulator = createEmulator();
    const { follower: f, logs } = await follower(emulator, "big", undefined, { streamsPerPage: 2, eventsPerPage: 3 });
    for (let i = 1; i <= 5; i++) {
      write(emulator, `big/algo-${i}-1767225601`, ...Array.from({ length: 7 }, (_, j): [number, string] => [j * 10 + i, `${i}.${j}`]));
    }
    const { lines } = await f.read();
    expect(lines).toHaveLength(35);
    expect(lines.map((l) => l.timestamp)).toEqual([...lines.map((l) => l.timestamp)].sort((a, b) => a - b));
    expect(logs.calls.filter((c) => c === "DescribeLogStreams")).toHaveLength(3);
    // 7 events a stream in pages of 3: 3, 3, 1, then the page that answers the same token.
    expect(logs.calls.filter((c) => c === "GetLogEvents")).toHaveLength(5 * 4);
  });

  it("cuts a read short when throttled, says so, and reads the rest, not again what it gave, next time", async () => {
    const emulator = createEmulator();
    // The second GetLogEvents of all is throttled: stream algo-1's end-of-stream check.
    const { follower: f, logs } = await follower(emulator, "nightly", (operation, nth) =>
      operation === "GetLogEvents" && nth === 2 ? "ThrottlingException" : undefined,
    );
    write(emulator, "nightly/algo-1-1767225601", [1, "a1"], [3, "a2"]);
    write(emulator, "nightly/algo-2-1767225601", [2, "b1"]);
    const first = await f.read();
    expect(first.skipped).toBe("ThrottlingException");
    expect(text(first.lines)).toEqual(["1 nightly/algo-1-1767225601 a1", "3 nightly/algo-1-1767225601 a2"]);
    expect(logs.faults()).toBe(1);
    const second = await f.read();
    expect(second.skipped).toBeUndefined();
    expect(text(second.lines)).toEqual(["2 nightly/algo-2-1767225601 b1"]);
  });

  it("treats a 5xx as throttling, and throws an error that retrying will not fix (AccessDeniedException)", async () => {
    const emulator = createEmulator();
    write(emulator, "nightly/algo-1-1767225601", [1, "a1"]);
    const unavailable = await follower(emulator, "nightly", (operation) =>
      operation === "DescribeLogStreams" ? "ServiceUnavailableException" : undefined,
    );
    expect(await unavailable.follower.read()).toEqual({ lines: [], skipped: "ServiceUnavailableException" });
    const denied = await follower(emulator, "nightly", () => "AccessDeniedException");
    await expect(denied.follower.read()).rejects.toMatchObject({ name: "AccessDeniedException" });
  });

  it("rejects with the signal's reason when aborted", async () => {
    const emulator = createEmulator();
    const { follower: f } = await follower(emulator, "nightly");
    const controller = new AbortController();
    controller.abort(new Error("cancelled"));
    await expect(f.read(controller.signal)).rejects.toThrow("cancelled");
  });
});
