import { ContainerError } from "./contract.js";

/** A reported run time, checked: the code's mistake fails its job, it never bends the timeline. */
export function durationMs(seconds: number): number {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
    throw new ContainerError("AlgorithmError", `took(${String(seconds)}): the run time must be a finite number of seconds, 0 or more`);
  }
  return Math.round(seconds * 1000);
}
