import { SageMakerClient, type CreateTrainingJobCommandInput } from "@aws-sdk/client-sagemaker";
import { createEmulator, type Emulator, type EmulatorOptions } from "@sagerun/emulator";
import { holdClock, VirtualClock } from "@sagerun/transport";
import { sampleTrainingConfig } from "../demo/sample-config.js";

/** A valid CreateTrainingJob request (the package's one sample config); override what the test is about. */
export function trainingJobRequest(overrides: Partial<CreateTrainingJobCommandInput> = {}): CreateTrainingJobCommandInput {
  return sampleTrainingConfig({ TrainingJobName: "sagerun-test-job", ...overrides });
}

export interface Harness {
  readonly emulator: Emulator;
  readonly clock: VirtualClock;
  /** A real SageMakerClient whose requestHandler is the emulator. */
  readonly client: SageMakerClient;
  /** Every command the harness's clients sent, in order ("CreateTrainingJobCommand", …). */
  readonly calls: string[];
  count(command: string): number;
}

/**
 * The real SDK client against an in-process emulator on a fresh virtual clock. Calls are counted
 * by an SDK middleware, so the client's serializers and error classes still run unchanged.
 */
export function emulatorHarness(options: EmulatorOptions = {}): Harness {
  const clock = new VirtualClock();
  const emulator = createEmulator({ clock, ...options });
  const client = emulator.client();
  const calls: string[] = [];
  logCalls(client, calls);
  return { emulator, clock, client, calls, count: (command) => calls.filter((c) => c === command).length };
}

/** Records each command once, at the initialize step: SDK retries of it are not counted again. */
function logCalls(client: SageMakerClient, calls: string[]): void {
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(context.commandName ?? "unknown");
      return next(args);
    },
    { step: "initialize", name: "sagerunTestCallLog" },
  );
}

/** A wire fault: the code the service answers with instead of the real answer. */
export type WireFault = "ThrottlingException" | "InternalFailure";

/**
 * Picks the answers to replace. `operation` is the X-Amz-Target operation ("CreateTrainingJob"),
 * `nth` counts that operation's requests and `total` all requests, both from 1.
 */
export type FaultRule = (operation: string, nth: number, total: number) => WireFault | undefined;

/**
 * A client on the harness's emulator whose chosen answers become the wire errors the service sends
 * when throttling (400 ThrottlingException) or failing (500 InternalFailure). The emulator still
 * runs the request first, so a Create "fails" after creating its job: a lost response. The SDK's
 * own deserializer and retry strategy then see exactly what they would see from AWS.
 */
export function faultyClient(h: Harness, rule: FaultRule, config: { readonly maxAttempts?: number } = {}): SageMakerClient {
  const inner = h.emulator.requestHandler;
  const seen = new Map<string, number>();
  let total = 0;
  const client = new SageMakerClient({
    region: "us-east-1",
    credentials: { accessKeyId: "sagerun", secretAccessKey: "sagerun" },
    maxAttempts: config.maxAttempts ?? 1,
    requestHandler: {
      async handle(request: Parameters<typeof inner.handle>[0], options?: Parameters<typeof inner.handle>[1]) {
        const answer = await inner.handle(request, options);
        const operation = String(request.headers["x-amz-target"] ?? "").replace(/^SageMaker\./, "");
        const nth = (seen.get(operation) ?? 0) + 1;
        seen.set(operation, nth);
        const code = rule(operation, nth, ++total);
        if (code === undefined) return answer;
        Object.assign(answer.response, {
          statusCode: code === "ThrottlingException" ? 400 : 500,
          headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": code },
          body: new TextEncoder().encode(
            JSON.stringify({ __type: code, message: code === "ThrottlingException" ? "Rate exceeded" : "Internal failure" }),
          ),
        });
        return answer;
      },
    },
  });
  logCalls(client, h.calls);
  // As emulator.client() does: the SDK's retry back-off sleeps on real timers, and the virtual
  // clock must not jump for other tasks meanwhile.
  client.middlewareStack.add(
    (next) => async (args) => {
      const release = holdClock(h.clock);
      try {
        return await next(args);
      } finally {
        release();
      }
    },
    { step: "initialize", name: "sagerunTestHoldClock", priority: "high" },
  );
  return client;
}
