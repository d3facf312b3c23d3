import type { SageMakerClient } from "@aws-sdk/client-sagemaker";

/** The delay bases the SDK's retry strategy chose before each retry, in order: how it classified each error. */
export interface RetryLog {
  readonly delayBases: number[];
}

/**
 * The SDK v3's own default retry strategy (the class the client resolves to: standard mode, its
 * error classification and retry-token bucket), built again with `maxAttempts` and a back-off that
 * records the delay base the strategy picked (500 ms for an error it classifies as throttling, 100
 * ms for a transient one: @smithy/core's THROTTLING_RETRY_DELAY_BASE and DEFAULT_RETRY_DELAY_BASE)
 * and then waits 0 ms, so a test sees every retry without sleeping through the real back-off.
 */
export async function recordingRetryStrategy(
  client: SageMakerClient | { config: { retryStrategy: () => Promise<unknown> } },
  maxAttempts: number,
) {
  const resolved = (await (client.config.retryStrategy as () => Promise<object>)()) as object;
  const Standard = resolved.constructor as new (options: { maxAttempts: number; backoff: unknown }) => object;
  const log: RetryLog = { delayBases: [] };
  let base = 0;
  const backoff = {
    setDelayBase(delayBase: number) {
      base = delayBase;
    },
    computeNextBackoffDelay() {
      log.delayBases.push(base);
      return 0;
    },
  };
  return { strategy: new Standard({ maxAttempts, backoff }), log };
}
