/**
 * Benchmark 3, in-process overhead: the real SageMakerClient answered by the emulator against the
 * same client answered by a canned handler (the emulator's own answer, recorded once and replayed),
 * so the ratio is what the emulator adds beyond the SDK's own serializers and middleware.
 */
import { CreateTrainingJobCommand, DescribeTrainingJobCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { VirtualClock } from "@sagerun/transport";
import { HttpResponse, type HttpHandler } from "@smithy/protocol-http";
import type { HttpRequest } from "@smithy/types";
import { createEmulator, type Emulator } from "../src/index.js";
import { trainingJob } from "./requests.js";
import { interleaved, median, msPerCall } from "./stats.js";
import { duration, ratio, type Row } from "./table.js";

const BENCH = "3. In-process overhead";

/** Replays, per operation, the first answer `real` gave: the SDK parses the same bytes, nothing is computed. */
class CannedHandler implements HttpHandler<Record<string, never>> {
  readonly #real: Emulator["requestHandler"];
  readonly #answers = new Map<string, { statusCode: number; headers: Record<string, string>; body: Uint8Array }>();

  constructor(real: Emulator["requestHandler"]) {
    this.#real = real;
  }

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const target = request.headers["x-amz-target"]!;
    let answer = this.#answers.get(target);
    if (!answer) {
      const { response } = await this.#real.handle(request);
      answer = { statusCode: response.statusCode, headers: response.headers, body: response.body as Uint8Array };
      this.#answers.set(target, answer);
    }
    return { response: new HttpResponse({ ...answer, headers: { ...answer.headers } }) };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

export async function inProcessRows(settings: { rounds: number; calls: number }): Promise<Row[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const emulator = createEmulator({ clock: new VirtualClock({ autoAdvance: false }) });
  const clients = {
    sagerun: emulator.client(),
    canned: new SageMakerClient({
      region: emulator.region,
      credentials: { accessKeyId: "sagerun", secretAccessKey: "sagerun" },
      maxAttempts: 1,
      requestHandler: new CannedHandler(emulator.requestHandler),
    }),
  };
  const pairs = (client: SageMakerClient, prefix: string) => (round: number) =>
    msPerCall(settings.calls, async (i) => {
      const name = `${prefix}-${round}-${i}`;
      await client.send(new CreateTrainingJobCommand(trainingJob(name)));
      await client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
    });
  const describes = (client: SageMakerClient) => () =>
    msPerCall(settings.calls, () => client.send(new DescribeTrainingJobCommand({ TrainingJobName: "warm-s-0-0" })));
  // Warm both clients and the JIT up; the canned handler records its answers here.
  await pairs(clients.sagerun, "warm-s")(0);
  await pairs(clients.canned, "warm-c")(0);
  const pairMs = await interleaved(settings.rounds, { sagerun: pairs(clients.sagerun, "s"), canned: pairs(clients.canned, "c") });
  const describeMs = await interleaved(settings.rounds, { sagerun: describes(clients.sagerun), canned: describes(clients.canned) });
  const row = (measure: string, samples: { sagerun: number[]; canned: number[] }): Row => ({
    bench: BENCH,
    measure: `${measure}, SageMakerClient (median of ${settings.rounds} × ${settings.calls})`,
    sagerun: duration(median(samples.sagerun)),
    peer: `canned handler ${duration(median(samples.canned))}`,
    ratio: ratio(median(samples.sagerun), median(samples.canned)),
  });
  return [row("CreateTrainingJob + DescribeTrainingJob", pairMs), row("DescribeTrainingJob", describeMs)];
}
