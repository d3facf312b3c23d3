import type { BackendOptions } from "../backend.js";

const FIX = {
  client:
    "Please pass the client and clock that createBackend() returns ({ client, clock }), or a SageMakerClient of your own with clock: systemClock.",
  clock:
    "Please pass the clock that createBackend() returns with the client (on the emulator, the virtual clock its jobs run on), " +
    "or systemClock with a SageMakerClient of your own.",
};

/**
 * Checks that an operator's options carry a usable `client` and `clock` before anything is sent,
 * so a missing one fails with what to pass instead of "Cannot read properties of undefined
 * (reading 'send')" from deep inside the first SDK call. Both are required: a clock left to a
 * default would make an operator given the emulator's client sleep 30 real seconds per check
 * against a job whose virtual clock never moves.
 */
export function checkBackendOptions(options: unknown): BackendOptions {
  const given = (typeof options === "object" && options !== null ? options : {}) as Partial<Record<"client" | "clock", unknown>>;
  const { client, clock } = given;
  if (!hasMethods(client, "send")) throw new TypeError(`${problem("client", client, "a SageMakerClient")} ${FIX.client}`);
  if (!hasMethods(clock, "now", "sleep")) throw new TypeError(`${problem("clock", clock, "a Clock (now and sleep)")} ${FIX.clock}`);
  return { client, clock } as BackendOptions;
}

function hasMethods(value: unknown, ...methods: string[]): boolean {
  return typeof value === "object" && value !== null && methods.every((m) => typeof (value as Record<string, unknown>)[m] === "function");
}

function problem(option: string, value: unknown, expected: string): string {
  if (value === undefined) return `Option ${option} is missing.`;
  const shown = typeof value === "object" && value !== null ? (value.constructor?.name ?? "object") : String(value);
  return `Option ${option} [${shown}] must be ${expected}.`;
}
