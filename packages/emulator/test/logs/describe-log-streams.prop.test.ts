import { CloudWatchLogsClient, DescribeLogStreamsCommand, type DescribeLogStreamsCommandInput } from "@aws-sdk/client-cloudwatch-logs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/index.js";

const GROUP = "/aws/sagemaker/TrainingJobs";

/** Streams with distinct names, each with no event or a last event at one of a few times (ties common). */
const streams = fc.uniqueArray(
  fc.record({ name: fc.stringMatching(/^[a-c]{1,3}\/[0-9]$/), last: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }) }),
  {
    selector: (stream) => stream.name,
    maxLength: 12,
  },
);

describe("DescribeLogStreams order and paging (property)", () => {
  it("pages with any limit through every stream once, by name or by last event time (ties by name), either direction", async () => {
    await fc.assert(
      fc.asyncProperty(streams, fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.boolean(), async (made, limit, byTime, descending) => {
        const emulator = createEmulator({ requireInputData: false });
        const logs = emulator.logsClient(CloudWatchLogsClient);
        // One stream without events is always there, so the group exists.
        const all = [{ name: "a/0", last: undefined as number | undefined }, ...made.filter((stream) => stream.name !== "a/0")];
        for (const stream of all) {
          emulator.appendEvents(
            GROUP,
            stream.name,
            stream.last === undefined ? [] : [{ timestamp: 1000 * stream.last, message: stream.name }],
          );
        }
        // The reference order, without the emulator's code: by name, or by (last event time or 0, name).
        const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        const expected = [...all]
          .sort((a, b) => (byTime ? (a.last ?? 0) - (b.last ?? 0) || byName(a.name, b.name) : byName(a.name, b.name)))
          .map((stream) => stream.name);
        if (descending) expected.reverse();

        const listed: string[] = [];
        let nextToken: string | undefined;
        do {
          const input: DescribeLogStreamsCommandInput = {
            logGroupName: GROUP,
            orderBy: byTime ? "LastEventTime" : "LogStreamName",
            descending,
            limit,
            ...(nextToken && { nextToken }),
          };
          const page = await logs.send(new DescribeLogStreamsCommand(input));
          expect(page.logStreams!.length).toBeLessThanOrEqual(limit);
          listed.push(...page.logStreams!.map((stream) => stream.logStreamName!));
          nextToken = page.nextToken;
          expect(listed.length).toBeLessThanOrEqual(all.length);
        } while (nextToken !== undefined);
        expect(listed).toEqual(expected);
        logs.destroy();
      }),
      { numRuns: 100 },
    );
  });
});
