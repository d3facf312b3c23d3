import type { EmulatorRule, RuleMatch } from "../options.js";

export type { EmulatorRule, Outcome, PhaseDurations } from "../options.js";

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
