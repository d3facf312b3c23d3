import { createEmulator } from "@sagerun/emulator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testLogsClient, type LogsFault } from "../../test/logs-fixtures.js";
import { LogFollower } from "./log-follower.js";
import type { JobLogLine } from "./logs-options.js";
import { logsReader } from "./logs-reader.js";

/**
 * Whatever a job's containers write and whenever the follower reads, with throttled and failing
 * answers in between and pages as small as one item, every line is handed out exactly once, and
 * each stream's lines in the order they were written (containers write in time order; lines of
 * one second keep their order). Reads run through the real CloudWatchLogsClient against the
 * emulator's CloudWatch Logs, so the paging tokens are the service's.
 */

const GROUP = "/aws/sagemaker/TrainingJobs";
const T0 = Date.UTC(2026, 0, 1);
/** Three instances of the job, and a job whose name starts alike that must never be read. */
const STREAMS = ["job/algo-1-1767225601", "job/algo-2-1767225601", "job/algo-3-1767225700", "job-2/algo-1-1767225601"];
const OURS = STREAMS.filter((s) => s.startsWith("job/"));

type Step =
  | { readonly kind: "write"; readonly stream: number; readonly gaps: readonly number[] }
  | { readonly kind: "read" }
  /** The Logs answers after the next `after` ones fail with `code`, `count` of them. */
  | { readonly kind: "fault"; readonly code: LogsFault; readonly after: number; readonly count: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("write" as const),
    stream: fc.integer({ min: 0, max: STREAMS.length - 1 }),
    // Seconds after the stream's previous line; 0 writes several lines in the same second.
    gaps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
  }),
  fc.constant({ kind: "read" as const }),
  fc.record({
    kind: fc.constant("fault" as const),
    code: fc.constantFrom<LogsFault>("ThrottlingException", "ServiceUnavailableException"),
    after: fc.integer({ min: 0, max: 8 }),
    count: fc.integer({ min: 1, max: 3 }),
  }),
);

describe("LogFollower, whatever the interleaving of writes, reads and throttled answers", () => {
  it("hands out every line exactly once, in the order each stream was written, and each read in timestamp order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 25 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        async (steps, streamsPerPage, eventsPerPage) => {
          const emulator = createEmulator();
          let faults: { code: LogsFault; after: number; left: number } | undefined;
          const logs = testLogsClient(emulator, () => {
            if (faults === undefined || faults.left === 0) return undefined;
            if (faults.after > 0) {
              faults.after--;
              return undefined;
            }
            faults.left--;
            return faults.code;
          });
          const follower = new LogFollower(await logsReader(logs.client), GROUP, "job", { streamsPerPage, eventsPerPage });

          const written = new Map<string, string[]>(STREAMS.map((s) => [s, []]));
          const lastSecond = new Map<string, number>();
          const delivered: JobLogLine[] = [];
          const read = async (): Promise<boolean> => {
            const round = await follower.read();
            const times = round.lines.map((l) => l.timestamp);
            expect(times).toEqual([...times].sort((a, b) => a - b));
            delivered.push(...round.lines);
            return round.skipped === undefined;
          };

          for (const s of steps) {
            if (s.kind === "fault") faults = { code: s.code, after: s.after, left: s.count };
            else if (s.kind === "read") await read();
            else {
              const stream = STREAMS[s.stream]!;
              const lines = written.get(stream)!;
              let second = lastSecond.get(stream) ?? 0;
              const events = s.gaps.map((gap) => {
                second += gap;
                const message = `${stream}#${lines.length}`;
                lines.push(message);
                return { timestamp: T0 + second * 1000, message };
              });
              lastSecond.set(stream, second);
              emulator.appendEvents(GROUP, stream, events);
            }
          }
          // The final drain: the faults pass, and a read that is not cut short has read everything.
          faults = undefined;
          expect(await read()).toBe(true);

          for (const stream of STREAMS) {
            const got = delivered.filter((l) => l.stream === stream).map((l) => l.message);
            expect(got).toEqual(OURS.includes(stream) ? written.get(stream) : []);
          }
          expect(new Set(delivered.map((l) => l.message)).size).toBe(delivered.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
