import type { EmulatorRule, PhaseDurations, RuleMatch } from "@sagerun/transport";

export type { EmulatorRule, Outcome, PhaseDurations, RuleMatch } from "@sagerun/transport";

export interface RuleSubject {
  readonly name: string;
  readonly image?: string | undefined;
  readonly hyperParameters?: Readonly<Record<string, string>> | undefined;
}

export function findRule(rules: readonly EmulatorRule[], subject: RuleSubject): EmulatorRule | undefined {
  return rules.find((rule) => ruleMatches(rule.match ?? {}, subject));
}

function ruleMatches(match: RuleMatch, subject: RuleSubject): boolean {
  if (match.name !== undefined && !fits(match.name, subject.name, true)) return false;
  if (match.image !== undefined && (subject.image === undefined || !fits(match.image, subject.image, false))) return false;
  for (const [key, expected] of Object.entries(match.hyperParameters ?? {})) {
    const actual = subject.hyperParameters?.[key];
    if (actual === undefined || !fits(expected, actual, false)) return false;
  }
  return true;
}

function fits(expected: string | RegExp, actual: string, caseInsensitive: boolean): boolean {
  if (typeof expected !== "string") return expected.test(actual);
  return caseInsensitive ? expected.toLowerCase() === actual.toLowerCase() : expected === actual;
}

/**
 * Refuses rules that would play an impossible life (a negative duration, a failure before the
 * job began, a metric that is not a number) before any resource is planned with them: the
 * emulator's timestamps must never run backwards. Programmer errors, so TypeError/RangeError.
 */
export function checkRules(rules: readonly EmulatorRule[]): void {
  rules.forEach((rule, i) => {
    const where = `rules[${i}]`;
    checkDurations(rule.durations ?? {}, `${where}.durations`);
    const outcome = rule.outcome;
    if (outcome && outcome.status !== "Completed" && outcome.status !== "Failed") {
      throw new TypeError(`${where}.outcome.status [${String((outcome as { status: unknown }).status)}] must be "Completed" or "Failed".`);
    }
    if (outcome?.status === "Failed" && outcome.afterSeconds !== undefined) {
      checkSeconds(outcome.afterSeconds, `${where}.outcome.afterSeconds`);
    }
    for (const [metric, value] of Object.entries(rule.metrics ?? {})) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new RangeError(`${where}.metrics["${metric}"] [${String(value)}] must be a finite number.`);
      }
    }
  });
}

/** Every phase duration must be a finite number of seconds, 0 or more. */
export function checkDurations(durations: PhaseDurations, where: string): void {
  for (const [phase, value] of Object.entries(durations)) {
    if (value !== undefined) checkSeconds(value, `${where}.${phase}`);
  }
}

function checkSeconds(value: unknown, where: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${where} [${String(value)}] must be a finite number of seconds, 0 or more.`);
  }
}
