/**
 * The slowest pattern of the SageMaker model on adversarial values: figures, not assertions.
 *
 * For every distinct `pattern` in the generated table, builds values meant to make a
 * backtracking engine struggle (one character pumped to the longest length validation would
 * ever test, then a character that fails late: the S3Uri attack `s3://aaa…a/\n` is one of them)
 * and times the matcher validation uses on each. Prints the slowest patterns and the slowest
 * one's time.
 *
 * Run with `pnpm bench` from the repository root, or alone:
 *   cd packages/emulator && npx tsx --conditions=@sagerun/source bench/validation-bench.ts [--v8]
 * `--v8` also times V8's backtracking RegExp (what validation used before the linear matcher) on
 * the same values, each pattern in a worker thread stopped after a budget, since some never finish.
 */
import fc from "fast-check";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { createEmulator } from "../src/index.js";
import { javaRegExp, translateJavaPattern } from "../src/validation/java-regex.js";
import { compileMatcher } from "../src/validation/linear-regex.js";
import { operations, shapes } from "../src/validation/model.generated.js";
import { PATTERN_SLACK } from "../src/validation/validate.js";

/** Length used for a pattern some shape leaves without a length limit (the pattern is linear, so time scales with it). */
const NO_LIMIT_LENGTH = 65_536;
/** V8 budget per pattern (all its values), with --v8. */
const V8_BUDGET_MS = 2_000;

/** Characters to pump, and what ends the value: each tends to fail a pattern only at the very end. */
const PUMPED = [..."aZ09-_./: @=+,\t", "é", "😀"];
const ENDINGS = ["\n", "!", "/\n", " ", "\u0085", "-", "/", ":", "\u0000"];

/** The longest value validation runs the pattern on: its limit plus the slack for over-long values. */
function lengths(): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of Object.values(shapes)) {
    if (s.pattern === undefined) continue;
    const longest = s.max === undefined ? NO_LIMIT_LENGTH : s.max + PATTERN_SLACK;
    out.set(s.pattern, Math.max(out.get(s.pattern) ?? 0, longest));
  }
  return out;
}

/** A few values that match, to pump from the inside (`s3://` + `a`… rather than `a`… alone). */
function samples(pattern: string): string[] {
  const re = javaRegExp(pattern);
  try {
    return fc.sample(fc.stringMatching(re, { size: "small" }), { numRuns: 6, seed: 42 });
  } catch {
    try {
      const bare = new RegExp(re.source.replace(/\(\?<?[=!](?:[^()]|\([^()]*\))*\)/g, ""), "u");
      return fc.sample(fc.stringMatching(bare, { size: "small" }), { numRuns: 6, seed: 42 });
    } catch {
      return [];
    }
  }
}

/** Values of exactly `length` code units (or a little under, for a 2-unit character). */
function adversarial(pattern: string, length: number): string[] {
  const out = new Set<string>();
  const pump = (prefix: string, c: string, ending: string): void => {
    const room = length - prefix.length - ending.length;
    if (room > 0) out.add(prefix + c.repeat(Math.floor(room / c.length)) + ending);
  };
  for (const c of PUMPED) for (const e of ENDINGS) pump("", c, e);
  for (const s of samples(pattern)) {
    const chars = [...s];
    for (const cut of new Set([0, 1, Math.floor(chars.length / 2), chars.length - 1])) {
      if (cut < 0 || cut >= chars.length) continue;
      for (const e of ENDINGS) pump(chars.slice(0, cut).join(""), chars[cut]!, e);
    }
  }
  return [...out];
}

interface Result {
  pattern: string;
  length: number;
  worstMs: number;
  worstInput: string;
}

function describeInput(value: string): string {
  const head = JSON.stringify(value.slice(0, 12));
  const tail = JSON.stringify(value.slice(-3));
  return `${head}…${tail} (${value.length} chars)`;
}

/**
 * The worst value for the matcher validation uses: found with one matcher whose DFA cache warms
 * as it goes (as validation's does), then timed again from a cold cache (a fresh matcher, as an
 * attacker varying the value would get) several times; the median of those is the figure.
 */
function timeLinear(pattern: string, values: string[]): { ms: number; input: string } {
  const warm = compileMatcher(pattern);
  let worst = { ms: -1, input: "" };
  for (const v of values) {
    const start = performance.now();
    warm.test(v);
    const ms = performance.now() - start;
    if (ms > worst.ms) worst = { ms, input: v };
  }
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const matcher = compileMatcher(pattern);
    const start = performance.now();
    matcher.test(worst.input);
    cold.push(performance.now() - start);
  }
  return { ms: cold.sort((a, b) => a - b)[2]!, input: worst.input };
}

/** The patterns validation can meet on a request the emulator answers (the operations it implements). */
function implementedPatterns(): Set<string> {
  const seen = new Set<string>();
  const stack = createEmulator().operations.flatMap((op) => (Object.hasOwn(operations, op) ? [operations[op]!] : []));
  const patterns = new Set<string>();
  for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const shape = shapes[name]!;
    if (shape.pattern !== undefined) patterns.add(shape.pattern);
    stack.push(...Object.values(shape.members ?? {}), ...[shape.member, shape.key, shape.value].filter((n) => n !== undefined));
  }
  return patterns;
}

/** V8's time on the same values, in a worker stopped after the budget (`Infinity` then). */
function timeV8(pattern: string, values: string[]): Promise<{ ms: number; input: string }> {
  const source = `^(?:${translateJavaPattern(pattern)})$`;
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    const re = new RegExp(workerData.source, "u");
    for (const v of workerData.values) {
      const start = performance.now();
      parentPort.postMessage({ started: v.length });
      re.test(v);
      parentPort.postMessage({ ms: performance.now() - start });
    }
    parentPort.postMessage({ done: true });`;
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, workerData: { source, values } });
    let worst = { ms: 0, input: "" };
    let index = -1;
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ ms: Infinity, input: values[index] ?? "" });
    }, V8_BUDGET_MS);
    worker.on("message", (m: { started?: number; ms?: number; done?: boolean }) => {
      if (m.started !== undefined) index++;
      if (m.ms !== undefined && m.ms > worst.ms) worst = { ms: m.ms, input: values[index]! };
      if (m.done) {
        clearTimeout(timer);
        void worker.terminate();
        resolve(worst);
      }
    });
  });
}

const compareV8 = process.argv.includes("--v8");
const started = performance.now();
// Warm the JIT on every pattern first, so the first patterns timed do not pay for compiling the matcher's code.
for (const pattern of lengths().keys()) for (const v of samples(pattern)) compileMatcher(pattern).test(v);
const results: Result[] = [];
const v8Results: Result[] = [];
for (const [pattern, length] of lengths()) {
  const values = adversarial(pattern, length);
  const linear = timeLinear(pattern, values);
  results.push({ pattern, length, worstMs: linear.ms, worstInput: linear.input });
  if (compareV8) {
    const v8 = await timeV8(pattern, values);
    v8Results.push({ pattern, length, worstMs: v8.ms, worstInput: v8.input });
  }
}

const show = (r: Result): string =>
  `  ${(Number.isFinite(r.worstMs) ? `${r.worstMs.toFixed(2)} ms` : `> ${V8_BUDGET_MS} ms`).padStart(11)}  ` +
  `${r.pattern.length > 70 ? `${r.pattern.slice(0, 67)}...` : r.pattern}\n               on ${describeInput(r.worstInput)}`;

results.sort((a, b) => b.worstMs - a.worstMs);
console.log(
  `validation patterns: ${results.length} distinct, adversarial values at each one's longest tested length (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
console.log("slowest on the linear matcher (what validation runs):");
for (const r of results.slice(0, 5)) console.log(show(r));
if (compareV8) {
  v8Results.sort((a, b) => b.worstMs - a.worstMs);
  console.log(`slowest on V8's backtracking RegExp (before), ${V8_BUDGET_MS} ms budget per pattern:`);
  for (const r of v8Results.slice(0, 5)) console.log(show(r));
}
const implemented = implementedPatterns();
const reachable = results.filter((r) => implemented.has(r.pattern));
console.log(`slowest of the ${reachable.length} patterns the emulator's implemented operations reach:`);
for (const r of reachable.slice(0, 3)) console.log(show(r));
const slowest = results[0]!;
console.log(
  `slowest validation pattern: ${slowest.worstMs.toFixed(2)} ms (${slowest.pattern.slice(0, 60)}, ${slowest.worstInput.length} chars)`,
);
