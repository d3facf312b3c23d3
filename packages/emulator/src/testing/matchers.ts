import { expect, type Matcher, type MatcherState } from "vitest";
import type { Emulator } from "../emulator.js";
import { describeRequests } from "./describe-requests.js";
import { mismatchOf } from "./partial-match.js";
import { runningResources } from "./running.js";

/** What {@link SagerunMatchers.toHaveReceived} counts: requests for the operation whose input matches `with`. */
export interface ReceivedOptions {
  /** How many such requests there must be, exactly. @default at least one */
  readonly times?: number;
  /**
   * What the input must hold, as a partial, deep match: members it leaves out are ignored, arrays
   * match element by element, and asymmetric matchers work (`expect.any(String)`,
   * `expect.stringMatching(/^knn-/)`). The input is the decoded request (`Emulator.requests()`).
   */
  readonly with?: Readonly<Record<string, unknown>>;
}

/** The matchers {@link sagerunMatchers} adds to vitest's `expect`, for an {@link Emulator}. */
export interface SagerunMatchers<R = unknown> {
  /**
   * The emulator received `operation` (`CreateTrainingJob`, `PutObject`, `InvokeEndpoint`): at
   * least once, or exactly `times` times, counting only requests whose input matches `with`.
   *
   * @example
   * expect(emulator).toHaveReceived("CreateTrainingJob", { times: 1, with: { ResourceConfig: { InstanceType: "ml.m5.large" } } });
   */
  toHaveReceived(operation: string, options?: ReceivedOptions): R;
  /**
   * The emulator received these operations in this order, with any other requests between them.
   *
   * @example
   * expect(emulator).toHaveReceivedInOrder(["CreateModel", "CreateTransformJob"]);
   */
  toHaveReceivedInOrder(operations: readonly string[]): R;
  /**
   * No training, processing, transform or tuning job is InProgress or Stopping, and no endpoint is
   * Creating or Updating, at the emulator's clock's now (read from `Emulator.state()`).
   *
   * @example
   * expect(emulator).toHaveNoJobsRunning();
   */
  toHaveNoJobsRunning(): R;
}

/** What the matchers read of an emulator. */
type Observed = Pick<Emulator, "requests" | "state" | "clock">;

interface Result {
  pass: boolean;
  message: () => string;
}

function toHaveReceived(this: MatcherState, received: unknown, operation: string, options: ReceivedOptions = {}): Result {
  const emulator = emulatorOf(received, "toHaveReceived");
  checkReceivedOptions(operation, options);
  const log = emulator.requests();
  const same = log.flatMap((request, i) => (request.operation === operation ? [{ request, n: i + 1 }] : []));
  const expected = options.with;
  const matching = expected === undefined ? same : same.filter(({ request }) => mismatchOf(request.input, expected) === undefined);
  const pass = options.times === undefined ? matching.length > 0 : matching.length === options.times;
  const show = (value: unknown) => shorten(this.utils.stringify(value, 4, { min: true, compareKeys: null }));
  const wanted = [
    operation,
    options.times === undefined ? "" : ` ${options.times === 1 ? "once" : `${options.times} times`}`,
    expected === undefined ? "" : ` with an input matching ${show(expected)}`,
  ].join("");
  const message = (): string => {
    const count = matching.length === 0 ? "none was" : matching.length === 1 ? "1 was" : `${matching.length} were`;
    const which = matching.length === 0 ? "" : `: ${matching.map(({ n }) => `#${n}`).join(", ")}`;
    const lines = [`expected the emulator ${pass ? "not " : ""}to have received ${wanted}, but ${count} received${which}.`];
    const others = expected === undefined ? [] : same.filter((entry) => !matching.includes(entry));
    if (others.length > 0) {
      lines.push(`${operation} requests whose input did not match:`);
      for (const { request, n } of others.slice(0, 10)) {
        const found = mismatchOf(request.input, expected)!;
        lines.push(`  #${n}: ${found.path} is ${show(found.actual)}, expected ${show(found.expected)}`);
      }
      if (others.length > 10) lines.push(`  … and ${others.length - 10} more`);
    }
    lines.push(describeRequests(log));
    return lines.join("\n");
  };
  return { pass, message };
}

function toHaveReceivedInOrder(this: MatcherState, received: unknown, operations: readonly string[]): Result {
  const emulator = emulatorOf(received, "toHaveReceivedInOrder");
  if (!Array.isArray(operations) || operations.length === 0 || operations.some((op) => typeof op !== "string" || op === "")) {
    throw new TypeError(`toHaveReceivedInOrder: operations must be a non-empty array of operation names, got ${describe(operations)}.`);
  }
  const log = emulator.requests();
  // The earliest match of each in turn: if any subsequence of the log fits, this one does.
  const found: number[] = [];
  for (let from = 0; found.length < operations.length; ) {
    const index = log.findIndex((request, i) => i >= from && request.operation === operations[found.length]);
    if (index < 0) break;
    found.push(index);
    from = index + 1;
  }
  const pass = found.length === operations.length;
  const wanted = operations.join(", then ");
  const message = (): string => {
    let outcome: string;
    if (pass) {
      outcome = `it did: ${found.map((index, k) => `#${index + 1} ${operations[k]}`).join(", ")}`;
    } else if (found.length === 0) {
      outcome = `it never received ${operations[0]}`;
    } else {
      const missing = operations[found.length]!;
      const after = `${operations[found.length - 1]} (#${found.at(-1)! + 1})`;
      const before = log.some((request) => request.operation === missing) ? `; it received ${missing} only before that` : "";
      outcome = `it received no ${missing} after ${after}${before}`;
    }
    return `expected the emulator ${pass ? "not " : ""}to have received ${wanted}, but ${outcome}.\n${describeRequests(log)}`;
  };
  return { pass, message };
}

function toHaveNoJobsRunning(this: MatcherState, received: unknown): Result {
  const emulator = emulatorOf(received, "toHaveNoJobsRunning");
  const running = runningResources(emulator.state());
  const at = new Date(emulator.clock.now()).toISOString();
  const pass = running.length === 0;
  const message = (): string => {
    if (pass) return `expected a job or endpoint to be running at ${at}, but none is.`;
    const count = running.length === 1 ? "1 is" : `${running.length} are`;
    return [
      `expected no job or endpoint to be running at ${at}, but ${count}:`,
      ...running.map(({ noun, name, status }) => `  ${noun} ${name}: ${status}`),
    ].join("\n");
  };
  return { pass, message };
}

/**
 * The matchers for `expect.extend`: `toHaveReceived`, `toHaveReceivedInOrder` and
 * `toHaveNoJobsRunning`, each on an {@link Emulator}. Their failure messages list what the
 * emulator actually received (or what is still running).
 *
 * @example
 * expect.extend(sagerunMatchers);
 */
export const sagerunMatchers: {
  readonly toHaveReceived: Matcher<MatcherState, [operation: string, options?: ReceivedOptions]>;
  readonly toHaveReceivedInOrder: Matcher<MatcherState, [operations: readonly string[]]>;
  readonly toHaveNoJobsRunning: Matcher<MatcherState, []>;
} = { toHaveReceived, toHaveReceivedInOrder, toHaveNoJobsRunning };

/**
 * Adds {@link sagerunMatchers} to vitest's `expect`: call it in a setup file, or once in a test
 * file. Importing `@sagerun/emulator/vitest` does not (the module has no side effects); the
 * `emulatorTest` fixture calls it for you.
 */
export function installSagerunMatchers(): void {
  expect.extend(sagerunMatchers);
}

function emulatorOf(received: unknown, matcher: string): Observed {
  const candidate = received as Partial<Observed> | null | undefined;
  if (typeof candidate?.requests === "function" && typeof candidate.state === "function" && typeof candidate.clock?.now === "function") {
    return candidate as Observed;
  }
  throw new TypeError(
    `${matcher}: expected an Emulator (createEmulator(), or the emulatorTest fixture's emulator), got ${describe(received)}.`,
  );
}

const RECEIVED_OPTIONS: readonly string[] = ["times", "with"] satisfies readonly (keyof ReceivedOptions)[];

function checkReceivedOptions(operation: unknown, options: unknown): void {
  if (typeof operation !== "string" || operation === "") {
    throw new TypeError(
      `toHaveReceived: the operation must be its name (a string such as "CreateTrainingJob"), got ${describe(operation)}.`,
    );
  }
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`toHaveReceived: options must be an object ({ times, with }), got ${describe(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!RECEIVED_OPTIONS.includes(key)) {
      throw new TypeError(`toHaveReceived: options has an unknown key ${JSON.stringify(key)}; the known keys are times, with.`);
    }
  }
  const { times, with: input } = options as ReceivedOptions;
  if (times !== undefined && !(Number.isSafeInteger(times) && times >= 0)) {
    throw new RangeError(`toHaveReceived: times [${String(times)}] must be a whole number, 0 or more.`);
  }
  if (input !== undefined && (typeof input !== "object" || input === null || Array.isArray(input))) {
    throw new TypeError(`toHaveReceived: with must be an object (a partial input), got ${describe(input)}.`);
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : "an array";
  if (typeof value === "object") {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return name === undefined || name === "Object" ? "an object" : `a ${name}`;
  }
  return typeof value;
}

/** One line of a value, at most 200 characters: a CreateTrainingJob input would drown the message. */
function shorten(text: string): string {
  const line = text.replace(/\s*\n\s*/g, " ");
  return line.length <= 200 ? line : `${line.slice(0, 199)}…`;
}
