import type { Clock } from "@sagerun/transport";
import { buildArn, type ArnScope } from "./arn.js";
import { findRule, type EmulatorRule, type PhaseDurations, type RuleSubject } from "./lifecycle/rules.js";
import type { Random } from "./random.js";

/** What every resource kind is given: the injected clock and randomness, ARNs, rules. */
export interface EmulatorContext {
  readonly clock: Clock;
  readonly random: Random;
  readonly arnScope: ArnScope;
  /** ListTrainingJobs applies StatusEquals after paging, as documented (docs/fidelity.md §6). */
  readonly listTrainingJobsStatusFilterAfterPage: boolean;
  /** Replaces the rules new resources are planned with (resources already planned keep theirs). */
  setRules(rules: readonly EmulatorRule[]): void;
  arn(type: string, name: string): string;
  /** The plan inputs for a new resource: durations (defaults ← emulator ← first matching rule), in ms. */
  planFor(subject: RuleSubject): { durationsMs: Required<PhaseDurations>; rule: EmulatorRule | undefined };
}

export interface ContextOptions {
  /** Every phase's default duration in seconds (each kind declares its own phases' defaults). */
  defaults: Required<PhaseDurations>;
  clock: Clock;
  random: Random;
  arnScope: ArnScope;
  durations: PhaseDurations;
  rules: readonly EmulatorRule[];
  /** Each phase is scaled by a seeded factor in [1 - jitter, 1 + jitter]. @default 0 */
  jitter: number;
  listTrainingJobsStatusFilterAfterPage: boolean;
}

export function createContext(options: ContextOptions): EmulatorContext {
  let rules = options.rules;
  const base = { ...options.defaults, ...definedOnly(options.durations) };
  return {
    clock: options.clock,
    random: options.random,
    arnScope: options.arnScope,
    listTrainingJobsStatusFilterAfterPage: options.listTrainingJobsStatusFilterAfterPage,
    setRules(next) {
      rules = next;
    },
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
