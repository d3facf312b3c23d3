import { endpointConfigKind } from "./endpoint-config/kind.js";
import { endpointKind } from "./endpoint/kind.js";
import type { PhaseDurations } from "../options.js";
import type { AnyKind } from "./kind.js";
import { modelKind } from "./model/kind.js";
import { pipelineExecutionKind } from "./pipeline-execution/kind.js";
import { pipelineKind } from "./pipeline/kind.js";
import { processingJobKind } from "./processing-job/kind.js";
import { trainingJobKind } from "./training-job/kind.js";
import { transformJobKind } from "./transform-job/kind.js";
import { tuningJobKind } from "./tuning-job/kind.js";

/**
 * Every resource kind the emulator serves, each declared in its own folder. The store's tables,
 * the operation table, ARN lookup by type, default phase durations and `Emulator.state()` are
 * derived from this list: adding a kind is its folder plus one line here.
 */
export const KINDS: readonly AnyKind[] = [
  trainingJobKind,
  processingJobKind,
  transformJobKind,
  tuningJobKind,
  modelKind,
  endpointConfigKind,
  endpointKind,
  pipelineKind,
  pipelineExecutionKind,
];

/**
 * Every phase's default duration in seconds, from the kinds that play it; override them for the
 * whole emulator (`durations`) or per resource (`rules`). A test checks that every phase of
 * PhaseDurations has one.
 */
export const DEFAULT_DURATIONS = Object.freeze(Object.assign({}, ...KINDS.map((kind) => kind.durations ?? {}))) as Required<PhaseDurations>;
