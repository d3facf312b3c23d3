import { checkObject, checkPattern, checkRuleMatch, checkSeconds, describe } from "../options.js";
import { JOB_FAULTS, REQUEST_FAULTS, type EmulatorFault, type SpotInterruption } from "./types.js";

/** The keys each fault may have, so a misspelling (`rat`, `interuptions`) is refused, never ignored. */
const KNOWN: Readonly<Record<EmulatorFault["fault"], readonly string[]>> = {
  throttling: ["fault", "match", "rate", "from", "until"],
  internalFailure: ["fault", "match", "rate", "from", "until"],
  latency: ["fault", "match", "rate", "from", "until", "ms"],
  instanceQuota: ["fault", "instanceType", "limit", "rate", "from", "until"],
  capacityError: ["fault", "match", "rate", "from", "until"],
  internalServerError: ["fault", "match", "rate", "from", "until", "afterSeconds"],
  spotInterruption: ["fault", "match", "rate", "from", "until", "interruptions"],
};
const REQUEST_MATCH = ["service", "operation", "resource"];
const SERVICES = ["sagemaker", "s3", "logs", "runtime"];
const INTERRUPTION = ["afterSeconds", "waitSeconds"];

/**
 * Refuses faults the emulator cannot honour, as checkOptions refuses options: unknown faults and
 * keys (listing the known ones), rates outside [0, 1], windows that are not instants, negative
 * durations. Programmer errors, so TypeError/RangeError.
 */
export function checkFaults(faults: readonly EmulatorFault[]): void {
  if (!Array.isArray(faults)) throw new TypeError(`faults must be an array of faults, got ${describe(faults)}.`);
  faults.forEach((fault, i) => {
    const where = `faults[${i}]`;
    checkObject(fault, where);
    const name = (fault as { fault?: unknown }).fault;
    if (typeof name !== "string" || !Object.hasOwn(KNOWN, name)) {
      throw new TypeError(`${where}.fault [${String(name)}] must be one of ${[...REQUEST_FAULTS, ...JOB_FAULTS].join(", ")}.`);
    }
    checkObject(fault, where, KNOWN[name as EmulatorFault["fault"]]);
    if (fault.rate !== undefined && !(typeof fault.rate === "number" && fault.rate >= 0 && fault.rate <= 1)) {
      throw new RangeError(`${where}.rate [${String(fault.rate)}] must be a number from 0 (never) to 1 (always).`);
    }
    for (const key of ["from", "until"] as const) {
      if (fault[key] !== undefined) instantOf(fault[key], `${where}.${key}`);
    }
    switch (fault.fault) {
      case "throttling":
      case "internalFailure":
      case "latency":
        if (fault.match !== undefined) {
          checkObject(fault.match, `${where}.match`, REQUEST_MATCH);
          if (fault.match.service !== undefined && !SERVICES.includes(fault.match.service)) {
            throw new TypeError(`${where}.match.service [${String(fault.match.service)}] must be one of ${SERVICES.join(", ")}.`);
          }
          checkPattern(fault.match.operation, `${where}.match.operation`);
          checkPattern(fault.match.resource, `${where}.match.resource`);
        }
        if (fault.fault === "latency" && !(typeof fault.ms === "number" && Number.isFinite(fault.ms) && fault.ms >= 0)) {
          throw new RangeError(`${where}.ms [${String(fault.ms)}] must be a finite number of milliseconds, 0 or more.`);
        }
        return;
      case "instanceQuota":
        if (!(Number.isSafeInteger(fault.limit) && fault.limit >= 0)) {
          throw new RangeError(`${where}.limit [${String(fault.limit)}] must be a whole number of instances, 0 or more.`);
        }
        if (fault.instanceType !== undefined && typeof fault.instanceType !== "string") {
          throw new TypeError(`${where}.instanceType must be a string (ml.p3.2xlarge), got ${describe(fault.instanceType)}.`);
        }
        return;
      case "internalServerError":
        if (fault.afterSeconds !== undefined) checkSeconds(fault.afterSeconds, `${where}.afterSeconds`);
        break;
      case "spotInterruption":
        if (!Array.isArray(fault.interruptions) || fault.interruptions.length === 0) {
          throw new TypeError(`${where}.interruptions must be a non-empty array of {afterSeconds, waitSeconds?}.`);
        }
        fault.interruptions.forEach((interruption: SpotInterruption, j: number) => {
          const at = `${where}.interruptions[${j}]`;
          checkObject(interruption, at, INTERRUPTION);
          checkSeconds(interruption.afterSeconds, `${at}.afterSeconds`);
          if (interruption.waitSeconds !== undefined) checkSeconds(interruption.waitSeconds, `${at}.waitSeconds`);
        });
        break;
    }
    if (fault.match !== undefined) checkRuleMatch(fault.match, `${where}.match`);
  });
}

/** An instant given as epoch ms or an ISO 8601 timestamp, as epoch ms; anything else is an error. */
export function instantOf(value: string | number, where = "the instant"): number {
  const ms = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new TypeError(`${where} [${String(value)}] must be an ISO 8601 timestamp or epoch milliseconds on the emulator's clock.`);
  }
  return ms;
}
