import type { Expression } from "./pipeline-definition.js";

/**
 * What a symbolic value stands for. A job step's result member becomes a `Get` of the step's
 * properties; anything known only when the run starts (the run id, the logical date, the result of
 * a step run in-process before the execution) becomes a pipeline parameter.
 */
export type Symbolic =
  | { readonly kind: "result"; readonly stepId: string; readonly path: readonly string[] }
  | { readonly kind: "parameter"; readonly source: ParameterSource }
  | { readonly kind: "jobName"; readonly stepId: string };

/** Where a pipeline parameter's value comes from when an execution starts. */
export type ParameterSource =
  | { readonly kind: "runId" }
  | { readonly kind: "logicalDate" }
  /** A member of the result of a step run in-process before the execution (`path` [] for the whole result). */
  | { readonly kind: "result"; readonly stepId: string; readonly path: readonly string[] };

/** How the compiler turns a symbolic value into a `Get` expression, or refuses it (a TypeError with the reason). */
export type Resolve = (symbolic: Symbolic) => { readonly Get: string };

// Private-use characters: a marker in a string stands for the symbolic value with that index.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARKER = /\uE000(\d+)\uE001/g;

/** `results.train.description.ModelArtifacts`: how messages name a symbolic value. */
export function describeSymbolic(symbolic: Symbolic): string {
  switch (symbolic.kind) {
    case "result":
      return ["results", symbolic.stepId, ...symbolic.path].join(".");
    case "jobName":
      return "ctx.jobName()";
    case "parameter":
      return symbolic.source.kind === "result"
        ? ["results", symbolic.source.stepId, ...symbolic.source.path].join(".")
        : `ctx.${symbolic.source.kind}`;
  }
}

/**
 * The symbolic values of one step's `request(ctx)`: proxies that record the property path read
 * from a result, and markers that stand for them inside strings (a template string embedding a
 * result becomes `Std:Join`). `toExpressions` then turns the request into definition JSON.
 */
export class SymbolicValues {
  readonly #values: Symbolic[] = [];
  readonly #proxies = new WeakMap<object, Symbolic>();
  readonly #fail: (reason: string) => never;

  /** `fail` throws the step's TypeError for a reason: "does arithmetic on results.x.y". */
  constructor(fail: (reason: string) => never) {
    this.#fail = fail;
  }

  /** A string standing for `symbolic` wherever it is embedded. */
  marker(symbolic: Symbolic): string {
    this.#values.push(symbolic);
    return `${OPEN}${this.#values.length - 1}${CLOSE}`;
  }

  /**
   * A value standing for a result (or one of its members): reading a property gives the member's
   * value, turning it into a string gives a marker. What cannot compile throws at once: arithmetic
   * and comparisons (`Number(x)`, `x > 0.8`), calls (`list.find(…)`), listing its keys (`{ ...x }`).
   */
  result(symbolic: Symbolic & { readonly kind: "result" | "parameter" }): unknown {
    const describe = describeSymbolic(symbolic);
    const child = (key: string): Symbolic & { readonly kind: "result" | "parameter" } =>
      symbolic.kind === "result"
        ? { ...symbolic, path: [...symbolic.path, key] }
        : symbolic.source.kind === "result"
          ? { kind: "parameter", source: { ...symbolic.source, path: [...symbolic.source.path, key] } }
          : this.#fail(`reads ${describe}.${key}, a member of a string`);
    const toPrimitive = (hint: string): string => {
      if (hint === "number") {
        this.#fail(`does arithmetic or a comparison on ${describe}, which SageMaker Pipelines cannot express in Arguments`);
      }
      return this.marker(symbolic);
    };
    // A function target, so that calling a member reaches the `apply` trap and its message.
    const proxy: unknown = new Proxy(() => {}, {
      get: (_target, key) => {
        if (key === Symbol.toPrimitive) return toPrimitive;
        if (key === "toString" || key === "valueOf" || key === "toJSON") return () => this.marker(symbolic);
        // `then`: awaiting it must not look like a promise; other symbols: inspection, iteration.
        if (typeof key === "symbol" || key === "then") return undefined;
        return this.result(child(key));
      },
      apply: () =>
        this.#fail(
          `calls ${describe}(), which SageMaker Pipelines cannot express: read a member by its path instead (e.g. [0] for the first)`,
        ),
      ownKeys: () =>
        this.#fail(`lists the members of ${describe} (a spread or Object.keys), which are not known before the execution runs`),
      has: () => this.#fail(`tests a member of ${describe} with "in", which is not known before the execution runs`),
      set: () => this.#fail(`assigns to a member of ${describe}`),
    });
    this.#proxies.set(proxy as object, symbolic);
    return proxy;
  }

  /**
   * The request as definition JSON: each symbolic value → `{ Get }` (by `resolve`), each string
   * embedding markers → `{ "Std:Join": { On: "", Values } }` (a string that is one parameter
   * alone stays a bare `Get`: it is a string already); `undefined` members dropped, as JSON does.
   */
  toExpressions(value: unknown, resolve: Resolve, at = "request"): unknown {
    if (value === undefined || value === null || typeof value === "number" || typeof value === "boolean") return value;
    if (typeof value === "string") return this.#fromString(value, resolve, at);
    const symbolic = this.#proxies.get(value as object);
    if (symbolic !== undefined) return resolve(symbolic);
    if (value instanceof Date) return this.#fromString(value.toISOString(), resolve, at);
    if (Array.isArray(value)) return value.map((item, i) => this.toExpressions(item, resolve, `${at}[${i}]`) ?? null);
    if (typeof value === "object" && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(value)) {
        if (key.includes(OPEN))
          this.#fail(`uses ${this.#describeString(key)} as a member name at ${at}, which a definition cannot compute`);
        const converted = this.toExpressions(member, resolve, `${at}.${key}`);
        if (converted !== undefined) out[key] = converted;
      }
      return out;
    }
    return this.#fail(`puts ${typeof value === "function" ? "a function" : `[${String(value)}]`} at ${at}, which is not JSON`);
  }

  #fromString(text: string, resolve: Resolve, at: string): Expression | string {
    const parts: (string | { readonly Get: string })[] = [];
    let last = 0;
    for (const match of text.matchAll(MARKER)) {
      if (match.index > last) parts.push(text.slice(last, match.index));
      parts.push(resolve(this.#values[Number(match[1])]!));
      last = match.index + match[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    const literal = parts.filter((p): p is string => typeof p === "string").join("");
    if (literal.includes(OPEN) || literal.includes(CLOSE)) {
      this.#fail(
        `cuts or changes a string made from a result, the run id or the logical date at ${at} (e.g. slice or replace), which a definition cannot compute`,
      );
    }
    if (parts.length === 1 && typeof parts[0] === "string") return parts[0];
    // A parameter is declared a String: alone, it needs no Join to be one.
    const only = parts.length === 1 ? this.#values[Number(/\d+/.exec(text)![0])] : undefined;
    if (only?.kind === "parameter") return parts[0] as { readonly Get: string };
    return { "Std:Join": { On: "", Values: parts } };
  }

  #describeString(text: string): string {
    return text.replace(MARKER, (_, n: string) => `\${${describeSymbolic(this.#values[Number(n)]!)}}`);
  }
}
