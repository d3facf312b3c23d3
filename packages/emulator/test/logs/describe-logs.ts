import {
  type CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  InvalidParameterException,
  PutLogEventsCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
} from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";

/** One front door under test: a CloudWatchLogsClient that reaches `emulator` through it. */
export interface LogsDoor {
  readonly logs: CloudWatchLogsClient;
  readonly emulator: Emulator;
  close(): Promise<void>;
}

const GROUP = "/aws/sagemaker/TrainingJobs";

/**
 * The CloudWatch Logs cases every front door must pass, through the real CloudWatchLogsClient:
 * its serializers, its error classes and its parsing of the emulator's answers.
 */
export function describeLogs(title: string, open: () => Promise<LogsDoor>): void {
  describe(`CloudWatch Logs through ${title}`, () => {
    let door: LogsDoor;
    beforeAll(async () => {
      door = await open();
    });
    afterAll(() => door.close());
    beforeEach(() => door.emulator.reset());

    const now = () => door.emulator.clock.now();

    it("writes with PutLogEvents and reads back with GetLogEvents, with ingestion times on the emulator's clock", async () => {
      const { logs } = door;
      await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
      await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: "job/algo-1-1700000000" }));
      const t = now();
      const put = await logs.send(
        new PutLogEventsCommand({
          logGroupName: GROUP,
          logStreamName: "job/algo-1-1700000000",
          logEvents: [
            { timestamp: t - 2000, message: "Reading hyperparameters" },
            { timestamp: t - 1000, message: "#train_state: epoch=1" },
          ],
        }),
      );
      expect(put.rejectedLogEventsInfo).toBeUndefined();
      const got = await logs.send(
        new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: "job/algo-1-1700000000", startFromHead: true }),
      );
      expect(got.events).toEqual([
        { timestamp: t - 2000, message: "Reading hyperparameters", ingestionTime: t },
        { timestamp: t - 1000, message: "#train_state: epoch=1", ingestionTime: t },
      ]);
      expect(got.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
      expect(got.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
      // At the end, the same token comes back: the signal clients poll on.
      const end = await logs.send(
        new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: "job/algo-1-1700000000", nextToken: got.nextForwardToken }),
      );
      expect(end.events).toEqual([]);
      expect(end.nextForwardToken).toBe(got.nextForwardToken);
      // Events written later show up from that same token.
      door.emulator.appendEvents(GROUP, "job/algo-1-1700000000", [{ timestamp: now(), message: "#quality_metric: test:accuracy 0.96" }]);
      const more = await logs.send(
        new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: "job/algo-1-1700000000", nextToken: got.nextForwardToken }),
      );
      expect(more.events?.map((event) => event.message)).toEqual(["#quality_metric: test:accuracy 0.96"]);
      expect(more.nextForwardToken).not.toBe(got.nextForwardToken);
    });

    it("GetLogEvents without startFromHead answers the last events; startTime and endTime bound the range (end exclusive)", async () => {
      door.emulator.appendEvents(
        GROUP,
        "s",
        [1000, 2000, 3000, 4000, 5000].map((timestamp) => ({ timestamp, message: `at ${timestamp}` })),
      );
      const tail = await door.logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: "s", limit: 2 }));
      expect(tail.events?.map((event) => event.timestamp)).toEqual([4000, 5000]);
      const before = await door.logs.send(
        new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: "s", limit: 2, nextToken: tail.nextBackwardToken }),
      );
      expect(before.events?.map((event) => event.timestamp)).toEqual([2000, 3000]);
      const window = await door.logs.send(
        new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: "s", startTime: 2000, endTime: 4000, startFromHead: true }),
      );
      expect(window.events?.map((event) => event.timestamp)).toEqual([2000, 3000]);
    });

    it("DescribeLogGroups: by name, with a prefix, paged by nextToken", async () => {
      for (const name of ["/aws/sagemaker/TrainingJobs", "/aws/sagemaker/ProcessingJobs", "/aws/sagemaker/Endpoints/e", "/other"]) {
        await door.logs.send(new CreateLogGroupCommand({ logGroupName: name }));
      }
      const first = await door.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/aws/sagemaker/", limit: 2 }));
      expect(first.logGroups?.map((group) => group.logGroupName)).toEqual(["/aws/sagemaker/Endpoints/e", "/aws/sagemaker/ProcessingJobs"]);
      expect(first.nextToken).toBeDefined();
      const second = await door.logs.send(
        new DescribeLogGroupsCommand({ logGroupNamePrefix: "/aws/sagemaker/", limit: 2, nextToken: first.nextToken }),
      );
      expect(second.logGroups?.map((group) => group.logGroupName)).toEqual(["/aws/sagemaker/TrainingJobs"]);
      expect(second.nextToken).toBeUndefined();
      expect(second.logGroups?.[0]).toMatchObject({
        creationTime: now(),
        arn: `arn:aws:logs:${door.emulator.region}:123456789012:log-group:/aws/sagemaker/TrainingJobs:*`,
        logGroupArn: `arn:aws:logs:${door.emulator.region}:123456789012:log-group:/aws/sagemaker/TrainingJobs`,
      });
    });

    it("DescribeLogStreams: by name with a prefix, or by LastEventTime (descending too), with event times", async () => {
      const { emulator, logs } = door;
      emulator.appendEvents(GROUP, "job-b/algo-1", [{ timestamp: 3000, message: "b" }]);
      emulator.appendEvents(GROUP, "job-a/algo-1", [
        { timestamp: 1000, message: "a1" },
        { timestamp: 5000, message: "a2" },
      ]);
      emulator.appendEvents(GROUP, "job-a/algo-2", [{ timestamp: 4000, message: "a" }]);
      const byName = await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, logStreamNamePrefix: "job-a/" }));
      expect(byName.logStreams?.map((stream) => stream.logStreamName)).toEqual(["job-a/algo-1", "job-a/algo-2"]);
      expect(byName.logStreams?.[0]).toMatchObject({ firstEventTimestamp: 1000, lastEventTimestamp: 5000, lastIngestionTime: now() });
      const latest = await logs.send(
        new DescribeLogStreamsCommand({ logGroupName: GROUP, orderBy: "LastEventTime", descending: true, limit: 2 }),
      );
      expect(latest.logStreams?.map((stream) => stream.logStreamName)).toEqual(["job-a/algo-1", "job-a/algo-2"]);
      const rest = await logs.send(
        new DescribeLogStreamsCommand({
          logGroupName: GROUP,
          orderBy: "LastEventTime",
          descending: true,
          limit: 2,
          nextToken: latest.nextToken,
        }),
      );
      expect(rest.logStreams?.map((stream) => stream.logStreamName)).toEqual(["job-b/algo-1"]);
      expect(rest.nextToken).toBeUndefined();
      const oldest = await logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, orderBy: "LastEventTime" }));
      expect(oldest.logStreams?.map((stream) => stream.logStreamName)).toEqual(["job-b/algo-1", "job-a/algo-2", "job-a/algo-1"]);
    });

    it("FilterLogEvents: across streams in time order, by stream names or prefix, a term pattern, a time range and nextToken", async () => {
      const { emulator, logs } = door;
      emulator.appendEvents(GROUP, "job/algo-1", [
        { timestamp: 1000, message: "epoch 1 loss 0.9" },
        { timestamp: 3000, message: "epoch 2 loss 0.5" },
      ]);
      emulator.appendEvents(GROUP, "job/algo-2", [{ timestamp: 2000, message: "epoch 1 loss 0.8" }]);
      emulator.appendEvents(GROUP, "other/algo-1", [{ timestamp: 2500, message: "epoch 9 ERROR" }]);
      const all = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNamePrefix: "job/" }));
      expect(all.events?.map((event) => [event.logStreamName, event.timestamp])).toEqual([
        ["job/algo-1", 1000],
        ["job/algo-2", 2000],
        ["job/algo-1", 3000],
      ]);
      const terms = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: "epoch 1" }));
      expect(terms.events?.map((event) => event.message)).toEqual(["epoch 1 loss 0.9", "epoch 1 loss 0.8"]);
      const phrase = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: '"loss 0.5"' }));
      expect(phrase.events?.map((event) => event.message)).toEqual(["epoch 2 loss 0.5"]);
      const named = await logs.send(
        new FilterLogEventsCommand({ logGroupName: GROUP, logStreamNames: ["other/algo-1"], startTime: 2000, endTime: 3000 }),
      );
      expect(named.events?.map((event) => event.message)).toEqual(["epoch 9 ERROR"]);
      const first = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 3 }));
      expect(first.events).toHaveLength(3);
      const second = await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP, limit: 3, nextToken: first.nextToken }));
      expect(second.events?.map((event) => event.timestamp)).toEqual([3000]);
      expect(second.nextToken).toBeUndefined();
    });

    it("answers CloudWatch's errors: an unknown group or stream, a group or stream that exists, events out of order", async () => {
      const { logs } = door;
      const missing = new GetLogEventsCommand({ logGroupName: "/nope", logStreamName: "s" });
      await expect(logs.send(missing)).rejects.toThrow(ResourceNotFoundException);
      await expect(logs.send(missing)).rejects.toMatchObject({
        name: "ResourceNotFoundException",
        message: "The specified log group does not exist.",
        $metadata: expect.objectContaining({ httpStatusCode: 400 }),
      });
      await expect(logs.send(new DescribeLogStreamsCommand({ logGroupName: "/nope" }))).rejects.toMatchObject({
        name: "ResourceNotFoundException",
        message: "The specified log group does not exist.",
      });
      await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
      await expect(logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: "nope" }))).rejects.toMatchObject({
        name: "ResourceNotFoundException",
        message: "The specified log stream does not exist.",
      });
      await expect(
        logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: "nope", logEvents: [{ timestamp: now(), message: "x" }] })),
      ).rejects.toMatchObject({ name: "ResourceNotFoundException", message: "The specified log stream does not exist." });
      await expect(logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }))).rejects.toThrow(ResourceAlreadyExistsException);
      await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: "s" }));
      await expect(logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: "s" }))).rejects.toMatchObject({
        name: "ResourceAlreadyExistsException",
        message: "The specified log stream already exists",
      });
      const outOfOrder = new PutLogEventsCommand({
        logGroupName: GROUP,
        logStreamName: "s",
        logEvents: [
          { timestamp: now(), message: "later" },
          { timestamp: now() - 1, message: "earlier" },
        ],
      });
      await expect(logs.send(outOfOrder)).rejects.toThrow(InvalidParameterException);
      const overADay = new PutLogEventsCommand({
        logGroupName: GROUP,
        logStreamName: "s",
        logEvents: [
          { timestamp: now() - 86_400_001, message: "a day and a millisecond ago" },
          { timestamp: now(), message: "now" },
        ],
      });
      await expect(logs.send(overADay)).rejects.toMatchObject({
        name: "InvalidParameterException",
        message: "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.",
      });
      await expect(
        logs.send(new DescribeLogStreamsCommand({ logGroupName: GROUP, orderBy: "LastEventTime", logStreamNamePrefix: "s" })),
      ).rejects.toMatchObject({ name: "InvalidParameterException", message: "Cannot order by LastEventTime with a logStreamNamePrefix." });
      await expect(logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: "s", nextToken: "garbage" }))).rejects.toThrow(
        InvalidParameterException,
      );
    });

    it("PutLogEvents rejects events more than 2 hours ahead or over 14 days old, and keeps the rest", async () => {
      const { logs } = door;
      door.emulator.appendEvents(GROUP, "s", []);
      const t = now();
      const hour = 3_600_000;
      const put = (logEvents: { timestamp: number; message: string }[]) =>
        logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: "s", logEvents }));
      // A batch spans at most 24 hours, so the old and the new are tried in two batches.
      const old = await put([
        { timestamp: t - 14 * 24 * hour - hour, message: "too old" },
        { timestamp: t - 14 * 24 * hour + hour, message: "kept old" },
      ]);
      expect(old.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 0 });
      const recent = await put([
        { timestamp: t, message: "kept" },
        { timestamp: t + hour, message: "kept new" },
        { timestamp: t + 3 * hour, message: "too new" },
      ]);
      expect(recent.rejectedLogEventsInfo).toEqual({ tooNewLogEventStartIndex: 2 });
      const got = await logs.send(new GetLogEventsCommand({ logGroupName: GROUP, logStreamName: "s", startFromHead: true }));
      expect(got.events?.map((event) => event.message)).toEqual(["kept old", "kept", "kept new"]);
    });

    it("a Logs operation the emulator lacks says so; reset() and state() cover log groups", async () => {
      await expect(door.logs.send(new DeleteLogGroupCommand({ logGroupName: GROUP }))).rejects.toMatchObject({
        message: expect.stringContaining(
          "Logs_20140328.DeleteLogGroup is a CloudWatch Logs operation that the sagerun emulator does not implement yet",
        ),
      });
      door.emulator.appendEvents(GROUP, "s", [{ timestamp: 1000, message: "x" }]);
      expect(door.emulator.state().logGroups).toEqual([
        {
          logGroupName: GROUP,
          creationTime: now(),
          logStreams: [
            {
              logStreamName: "s",
              creationTime: now(),
              events: 1,
              firstEventTimestamp: 1000,
              lastEventTimestamp: 1000,
              lastIngestionTime: now(),
            },
          ],
        },
      ]);
      door.emulator.reset();
      expect(door.emulator.state().logGroups).toEqual([]);
      await expect(door.logs.send(new DescribeLogGroupsCommand({}))).resolves.toMatchObject({ logGroups: [] });
    });
  });
}
