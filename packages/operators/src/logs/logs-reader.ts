import type {
  DescribeLogStreamsCommandInput,
  DescribeLogStreamsCommandOutput,
  GetLogEventsCommandInput,
  GetLogEventsCommandOutput,
} from "@aws-sdk/client-cloudwatch-logs";
import { raceAbort } from "../internal/race-abort.js";
import type { LogsClient } from "./logs-options.js";

/** The two CloudWatch Logs calls a log follower makes, each cancellable. */
export interface LogsReader {
  describeLogStreams(input: DescribeLogStreamsCommandInput, signal?: AbortSignal): Promise<DescribeLogStreamsCommandOutput>;
  getLogEvents(input: GetLogEventsCommandInput, signal?: AbortSignal): Promise<GetLogEventsCommandOutput>;
}

/** The commands this package uses from `@aws-sdk/client-cloudwatch-logs`. */
type LogsCommands = Pick<typeof import("@aws-sdk/client-cloudwatch-logs"), "DescribeLogStreamsCommand" | "GetLogEventsCommand">;

let loading: Promise<LogsCommands> | undefined;

/**
 * Loads `@aws-sdk/client-cloudwatch-logs` with a dynamic `import()`, once: it is an optional peer
 * dependency, needed only by callers who stream logs, and everything else here imports its types
 * only. A failed load is not cached, so installing the package and trying again works.
 */
export function loadLogsCommands(): Promise<LogsCommands> {
  loading ??= import("@aws-sdk/client-cloudwatch-logs").catch((err: unknown) => {
    loading = undefined;
    throw new Error(
      "Failed to load @aws-sdk/client-cloudwatch-logs, which the logs option reads CloudWatch Logs with. " +
        "Please install it next to @aws-sdk/client-sagemaker (npm install @aws-sdk/client-cloudwatch-logs).",
      { cause: err },
    );
  });
  return loading;
}

/**
 * The client's `send` with the SDK's own commands: the client's serializers, retries and error
 * classes run unchanged, whichever backend it is wired to. An aborted signal rejects with its
 * reason at once, as `describeJob` does.
 *
 * @example
 * ```ts
 * const reader = await logsReader(emulator.logsClient(CloudWatchLogsClient));
 * await reader.getLogEvents({ logGroupName: "/aws/sagemaker/TrainingJobs", logStreamName: "nightly/algo-1-1767225600" });
 * ```
 */
export async function logsReader(client: LogsClient): Promise<LogsReader> {
  const { DescribeLogStreamsCommand, GetLogEventsCommand } = await loadLogsCommands();
  const send = <T>(command: object, signal: AbortSignal | undefined): Promise<T> =>
    raceAbort(client.send(command as never, signal === undefined ? {} : { abortSignal: signal }) as Promise<T>, signal);
  return {
    describeLogStreams: (input, signal) => send(new DescribeLogStreamsCommand(input), signal),
    getLogEvents: (input, signal) => send(new GetLogEventsCommand(input), signal),
  };
}
