import { abortReason } from "@sagerun/transport";

/**
 * Settles with `promise`, or rejects with `signal.reason` as soon as `signal` aborts, whichever
 * comes first. The AWS SDK is given the signal too, but a custom `requestHandler` may ignore it;
 * this keeps cancellation prompt whatever the transport. The listener is removed in every case
 * (smithy `createWaiter.ts` runs its `finalize` cleanups the same way).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined); // the loser's rejection is nobody's business now
    return Promise.reject(abortReason(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
