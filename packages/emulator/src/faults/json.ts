import { matchFromJson, pattern, patternsToJson } from "../front-doors/rules-json.js";
import type { EmulatorFault } from "./types.js";

/**
 * Faults written as JSON, for `--config FILE` and `POST /_sagerun/faults`: patterns are
 * `{"regex": "^Describe", "flags": "i"}` as in rules (rules-json.ts), in a request fault's
 * `match.operation` and `match.resource` and in a job fault's `match` (name, image,
 * hyperparameters). Everything else is the TypeScript form, checked by the emulator itself.
 *
 * @example
 * [{ "fault": "throttling", "rate": 0.2, "match": { "operation": { "regex": "^Describe" } } }]
 */
export function faultsFromJson(faults: unknown, where = "faults"): EmulatorFault[] {
  if (!Array.isArray(faults)) throw new TypeError(`${where} must be an array of faults, got ${faults === null ? "null" : typeof faults}.`);
  return faults.map((fault: unknown, i) => {
    if (!isObject(fault) || !isObject(fault.match)) return fault as EmulatorFault;
    const at = `${where}[${i}].match`;
    if (fault.fault === "throttling" || fault.fault === "internalFailure" || fault.fault === "latency") {
      const match: Record<string, unknown> = { ...fault.match };
      for (const key of ["operation", "resource"]) {
        if (match[key] !== undefined) match[key] = pattern(match[key], `${at}.${key}`);
      }
      return { ...fault, match } as unknown as EmulatorFault;
    }
    // A job fault's match is a rule's match, read the same way.
    return { ...fault, match: matchFromJson(fault.match, at) } as unknown as EmulatorFault;
  });
}

/** Faults as JSON (`GET /_sagerun/faults`): each RegExp back to `{"regex", "flags"}`. */
export function faultsToJson(faults: readonly EmulatorFault[]): unknown[] {
  return patternsToJson(faults);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
