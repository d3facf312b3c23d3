/**
 * @module
 * What sagerun's emulator and operators share: the {@link Clock} port with its system, virtual
 * and scaled implementations, and the flag that picks real AWS or the emulator. The function that
 * turns the flag into a client and a clock, `createBackend`, is in `@sagerun/operators` (decision
 * record 0004 says why).
 */

// Clock port
export type { Clock, HoldableClock } from "./clock.js";
export { abortReason, holdClock } from "./clock.js";
export { systemClock } from "./system-clock.js";
export { VirtualClock, DEFAULT_VIRTUAL_START } from "./virtual-clock.js";
export type { VirtualClockOptions } from "./virtual-clock.js";
export { ScaledClock } from "./scaled-clock.js";
export type { ScaledClockOptions } from "./scaled-clock.js";

// Backend selection
export { resolveBackend, BACKEND_ENV_VAR } from "./backend-flag.js";
export type { Backend } from "./backend-flag.js";
