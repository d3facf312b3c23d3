import type { TrainingIO } from "../containers/contract.js";
import { pyFloat, pyStringDict } from "./python-format.js";
import type { RawHyperparameters } from "./hyperparameters.js";

/**
 * Log lines in the shape the built-in containers print them (inferred from their CloudWatch
 * output, not documented). The timestamp and thread prefix the containers add
 * (`[06/21/2018 18:41:37 INFO 140013357094720]`) is left out: the log stream stamps every event.
 */

/** The host name of the first (and, in the emulator, only) training instance. */
export const HOST = "algo-1";

/** The three configuration lines a built-in prints first: its defaults, the request's values, and the merge. */
export function logConfiguration(io: TrainingIO, defaults: RawHyperparameters, provided: RawHyperparameters): void {
  io.log(`Reading default configuration: ${pyStringDict(defaults)}`);
  // The path is the training container contract's (SageMaker developer guide, your-algorithms-training-algo-running-container.md).
  io.log(`Reading provided configuration from /opt/ml/input/config/hyperparameters.json: ${pyStringDict(provided)}`);
  io.log(`Final configuration: ${pyStringDict({ ...defaults, ...provided })}`);
}

/**
 * A final score on a data channel, as the two lines the containers print; the second is the one
 * SageMaker's metric definitions for the built-ins match (`#quality_metric: host=\S+, test accuracy <score>=(\S+)`).
 */
export function logScore(io: TrainingIO, channel: "test" | "validation", name: string, value: number): void {
  if (channel === "test") io.log(`#test_score (${HOST}) : ('${name}', ${pyFloat(value)})`);
  io.log(`#quality_metric: host=${HOST}, ${channel} ${name} <score>=${pyFloat(value)}`);
}
