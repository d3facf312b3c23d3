import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { Emulator } from "@sagerun/emulator";
import { holdClock } from "@sagerun/transport";

/** A wire fault a CloudWatch Logs answer can be replaced with. */
export type LogsFault = "ThrottlingException" | "ServiceUnavailableException" | "AccessDeniedException";

/**
 * Picks the answers to replace. `operation` is the X-Amz-Target operation ("GetLogEvents"), `nth`
 * counts that operation's requests and `total` all Logs requests, both from 1.
 */
export type LogsFaultRule = (operation: string, nth: number, total: number) => LogsFault | undefined;

/** A real CloudWatchLogsClient on the emulator, recording its calls and answering chosen ones with wire faults. */
export interface TestLogsClient {
  readonly client: CloudWatchLogsClient;
  /** Every Logs operation sent, in order ("DescribeLogStreams", "GetLogEvents", …). */
  readonly calls: string[];
  /** How many answers were replaced by a fault. */
  faults(): number;
}

const STATUS: Record<LogsFault, number> = { ThrottlingException: 400, ServiceUnavailableException: 503, AccessDeniedException: 400 };

/**
 * The real SDK client wired to `emulator` in-process, as `emulator.logsClient` is, whose chosen
 * answers become the errors CloudWatch Logs sends (400 ThrottlingException, 503, 400
 * AccessDeniedException): the SDK's own deserializer sees exactly what it would see from AWS.
 */
export function testLogsClient(emulator: Emulator, rule: LogsFaultRule = () => undefined): TestLogsClient {
  const inner = emulator.requestHandler;
  const calls: string[] = [];
  const seen = new Map<string, number>();
  let faults = 0;
  const client = new CloudWatchLogsClient({
    region: emulator.region,
    credentials: { accessKeyId: "sagerun", secretAccessKey: "sagerun" },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: Parameters<typeof inner.handle>[0], options?: Parameters<typeof inner.handle>[1]) {
        const operation = String(request.headers["x-amz-target"] ?? "").replace(/^Logs_20140328\./, "");
        calls.push(operation);
        const nth = (seen.get(operation) ?? 0) + 1;
        seen.set(operation, nth);
        const code = rule(operation, nth, calls.length);
        const answer = await inner.handle(request, options);
        if (code === undefined) return answer;
        faults++;
        Object.assign(answer.response, {
          statusCode: STATUS[code],
          headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": code },
          body: new TextEncoder().encode(
            JSON.stringify({ __type: code, message: code === "ThrottlingException" ? "Rate exceeded" : code }),
          ),
        });
        return answer;
      },
    },
  });
  // As emulator.logsClient() does: a send holds the virtual clock while it is in flight.
  client.middlewareStack.add(
    (next) => async (args) => {
      const release = holdClock(emulator.clock);
      try {
        return await next(args);
      } finally {
        release();
      }
    },
    { step: "initialize", name: "sagerunTestHoldClock", priority: "high" },
  );
  return { client, calls, faults: () => faults };
}
