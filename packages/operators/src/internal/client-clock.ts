import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { systemClock, type Clock } from "@sagerun/transport";

// Which clock each client's backend runs on. `createBackend({ backend: "emulator" })` registers the
// emulator's virtual clock for the client it returns, so an operator given only that client still
// waits in virtual time: on wall time it would sleep 30 real seconds per check against a job whose
// clock never moves. A WeakMap keeps no client alive; a client nobody registered runs on wall time.
const clocks = new WeakMap<SageMakerClient, Clock>();

/** Remembers that `client` talks to a backend running on `clock`. */
export function registerClock(client: SageMakerClient, clock: Clock): void {
  clocks.set(client, clock);
}

/** The clock registered for `client` by `createBackend`, else `systemClock`. */
export function clockFor(client: SageMakerClient): Clock {
  return clocks.get(client) ?? systemClock;
}
