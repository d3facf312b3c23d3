import { CloudWatchLogsClient, GetLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";

const GROUP = "/aws/sagemaker/TrainingJobs";
const STREAM = "job/algo-1-1700000000";

/**
 * Writes arrive in batches, each in time order (as PutLogEvents demands) but batches in any order,
 * with few distinct timestamps so that ties are common. The stream's order, computed here without
 * the emulator's code: by timestamp, ties in the order written.
 */
const batches = fc.array(
  fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 12 }).map((times) => times.sort((a, b) => a - b)),
  { maxLength: 5 },
);

function written(times: readonly (readonly number[])[]) {
  const events = times.flatMap((batch, b) => batch.map((t, i) => ({ timestamp: 1_000 * t, message: `batch ${b} event ${i}` })));
  const order = events.map((event, index) => ({ event, index })).sort((x, y) => x.event.timestamp - y.event.timestamp || x.index - y.index);
  return order.map(({ event }) => event);
}

/** A Logs client on a fresh emulator whose one stream holds `times`' batches, written in order. */
function streamOf(times: readonly (readonly number[])[]): CloudWatchLogsClient {
  const emulator = createEmulator({ requireInputData: false });
  emulator.appendEvents(GROUP, STREAM, []);
  for (const [b, batch] of times.entries()) {
    emulator.appendEvents(
      GROUP,
      STREAM,
      batch.map((t, i) => ({ timestamp: 1_000 * t, message: `batch ${b} event ${i}` })),
    );
  }
  return emulator.logsClient(CloudWatchLogsClient);
}

describe("GetLogEvents paging (property)", () => {
  it("forward from the head with any limit yields every event once, in order, and ends by answering the same nextForwardToken", async () => {
    await fc.assert(
      fc.asyncProperty(batches, fc.integer({ min: 1, max: 15 }), async (times, limit) => {
        const logs = streamOf(times);
        const seen: { timestamp: number | undefined; message: string | undefined }[] = [];
        let token: string | undefined;
        for (let page = 0; ; page++) {
          expect(page).toBeLessThanOrEqual(Math.ceil(seen.length / limit) + 2);
          const got = await logs.send(
            new GetLogEventsCommand({
              logGroupName: GROUP,
              logStreamName: STREAM,
              limit,
              ...(token ? { nextToken: token } : { startFromHead: true }),
            }),
          );
          expect(got.events!.length).toBeLessThanOrEqual(limit);
          seen.push(...got.events!.map(({ timestamp, message }) => ({ timestamp, message })));
          if (got.nextForwardToken === token) {
            expect(got.events).toEqual([]);
            break;
          }
          // A page short of the limit is the last one with events, but the end is the repeated token.
          token = got.nextForwardToken;
        }
        expect(seen).toEqual(written(times));
        logs.destroy();
      }),
      { numRuns: 100 },
    );
  });

  it("backward from the end with any limit yields every event once, in reverse, and ends by answering the same nextBackwardToken", async () => {
    await fc.assert(
      fc.asyncProperty(batches, fc.integer({ min: 1, max: 15 }), async (times, limit) => {
        const logs = streamOf(times);
        const reversed: { timestamp: number | undefined; message: string | undefined }[] = [];
        let token: string | undefined;
        for (let page = 0; ; page++) {
          expect(page).toBeLessThanOrEqual(Math.ceil(reversed.length / limit) + 2);
          const got = await logs.send(
            new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: STREAM, limit, ...(token && { nextToken: token }) }),
          );
          expect(got.events!.length).toBeLessThanOrEqual(limit);
          // Each page is in ascending time order; pages come newest first.
          reversed.push(...got.events!.map(({ timestamp, message }) => ({ timestamp, message })).reverse());
          if (got.nextBackwardToken === token) {
            expect(got.events).toEqual([]);
            break;
          }
          token = got.nextBackwardToken;
        }
        expect(reversed).toEqual(written(times).reverse());
        logs.destroy();
      }),
      { numRuns: 100 },
    );
  });
});
