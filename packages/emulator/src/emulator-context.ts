import type { Clock } from "@sagerun/transport";
import { buildArn, type ArnScope } from "./arn.js";
import type { ContainerRegistry } from "./containers/registry.js";
import type { LogsStore } from "./logs/store.js";
import type { S3Store } from "./s3/store.js";
import { findRule, type EmulatorRule, type PhaseDurations, type RuleSubject } from "./lifecycle/rules.js";
import type { Random } from "./random.js";

/** What every resource kind is given: the injected clock and randomness, ARNs, rules. */
export interface EmulatorContext {
  readonly clock: Clock;
  readonly random: Random;
  readonly arnScope: ArnScope;
  /** The services around SageMaker that jobs read from and write to, and the code images run. */
  readonly data: DataPlane;
  /** A seed for one resource's computation, fixed by the emulator's seed and the resource's ARN (never by request order). */
  seedFor(arn: string): number;
  /** ListTrainingJobs applies StatusEquals after paging, as documented (docs/fidelity.md §6). */
  readonly listTrainingJobsStatusFilterAfterPage: boolean;
  /** Jobs whose S3 input names no object are refused at creation (EmulatorOptions.requireInputData). */
  readonly requireInputData: boolean;
  /** Replaces the rules new resources are planned with (resources already planned keep theirs). */
  setRules(rules: readonly EmulatorRule[]): void;
  /** The rules new resources are planned with now (Emulator.rules, GET /_sagerun/rules). */
  rules(): readonly EmulatorRule[];
  arn(type: string, name: string): string;
  /** The plan inputs for a new resource: durations (defaults ← emulator ← first matching rule), in ms. */
  planFor(subject: RuleSubject): { durationsMs: Required<PhaseDurations>; rule: EmulatorRule | undefined };
}

/** What jobs compute with: the emulated S3 and CloudWatch Logs, and the code each image runs. */
export interface DataPlane {
  readonly s3: S3Store;
  readonly logs: LogsStore;
  readonly containers: ContainerRegistry;
}

export interface ContextOptions {
  /** Every phase's default duration in seconds (each kind declares its own phases' defaults). */
  defaults: Required<PhaseDurations>;
  clock: Clock;
  random: Random;
  arnScope: ArnScope;
  data: DataPlane;
  seed: number;
  durations: PhaseDurations;
  rules: readonly EmulatorRule[];
  /** Each phase is scaled by a seeded factor in [1 - jitter, 1 + jitter]. @default 0 */
  jitter: number;
  listTrainingJobsStatusFilterAfterPage: boolean;
  requireInputData: boolean;
}

export function createContext(options: ContextOptions): EmulatorContext {
  let rules = options.rules;
  const base = { ...options.defaults, ...definedOnly(options.durations) };
  return {
    clock: options.clock,
    random: options.random,
    arnScope: options.arnScope,
    data: options.data,
    seedFor: (arn) => fnv1a(`${options.seed}:${arn}`),
    listTrainingJobsStatusFilterAfterPage: options.listTrainingJobsStatusFilterAfterPage,
    requireInputData: options.requireInputData,
    setRules(next) {
      rules = next;
    },
    rules: () => rules,
    arn: (type, name) => buildArn(options.arnScope, type, name),
    planFor(subject) {
      const rule = findRule(rules, subject);
      const seconds = { ...base, ...definedOnly(rule?.durations ?? {}) };
      const durationsMs = Object.fromEntries(
        Object.entries(seconds).map(([phase, s]) => {
          const factor = options.jitter > 0 ? 1 + options.jitter * (2 * options.random.next() - 1) : 1;
          return [phase, Math.max(0, Math.round(s * 1000 * factor))];
        }),
      ) as Required<PhaseDurations>;
      return { durationsMs, rule };
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** FNV-1a, 32 bits: a stable hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
