import { translateJavaPattern } from "./java-regex.js";

/**
 * A matcher for the model's patterns that runs in time linear in the value's length, whatever the
 * pattern: a Thompson NFA simulated breadth-first (the "Pike VM" of RE2 and Rust's `regex`).
 *
 * Why not V8's RegExp: it backtracks, and some model patterns backtrack badly on a value crafted
 * to fail late. S3Uri `(https|s3)://([^/]+)/?(.*)` is quadratic on `s3://aaa…a/\n` (`.` refuses
 * the final `\n`, so every split between `[^/]+` and `.*` is retried: 3.5 s at 64,000 characters,
 * and the issue that found it saw four such values block every client for 14 s);
 * `[a-z0-9]([-a-z0-9]*[a-z0-9]){0,39}?` (a shape with no length limit) is exponential: 30
 * letters and a `!` take seconds. Anchoring, which the full match already gives, does not help;
 * what helps is never trying the same (pattern position, value position) twice, which the NFA
 * simulation guarantees by construction: it keeps a set of pattern positions per value position.
 *
 * The pattern is first translated from Java to JS syntax (java-regex.ts, which also keeps Java's
 * meaning of `.`, `\s`, `\p{Alnum}` …); this module parses that JS source. Each single-character
 * atom (a class, an escape, a literal) is decided by a one-character V8 RegExp, so atoms mean
 * exactly what they mean to V8 and cannot backtrack. The V8 RegExp of the whole pattern
 * (`javaRegExp`) stays the reference the tests compare this matcher with.
 *
 * Supported: alternation, groups (capturing or not; captures are not needed to decide a full
 * match), greedy and lazy quantifiers (laziness changes which match is found, never whether one
 * exists), `^`, `$`, `\b`, `\B`, lookahead and lookbehind. Backreferences are refused with a
 * SyntaxError (no model pattern uses one, and they cannot be matched in linear time).
 *
 * Cost: O(value length × pattern size) for the pattern itself. A lookaround is evaluated at most
 * once per value position (memoised) at the cost of a run of its own sub-pattern; every model
 * lookaround sits at the start of its pattern or is one character long, so that stays linear.
 */

/** Decides whether one code point matches a single-character atom. */
type Atom = (codePoint: number) => boolean;

type Node =
  | { readonly kind: "atom"; readonly test: Atom }
  | { readonly kind: "seq"; readonly items: readonly Node[] }
  | { readonly kind: "alt"; readonly items: readonly Node[] }
  | { readonly kind: "repeat"; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly kind: "assert"; readonly at: "start" | "end" | "word" | "notWord" }
  | { readonly kind: "look"; readonly node: Node; readonly behind: boolean; readonly negate: boolean };

/** A compiled lookaround: its own program, run forwards (ahead) or backwards (behind). */
interface Look {
  readonly program: Program;
  readonly behind: boolean;
  readonly negate: boolean;
}

const enum Op {
  Atom,
  Split,
  Jump,
  Assert,
  Look,
  Match,
}

type Instruction =
  | { readonly op: Op.Atom; readonly test: Atom }
  | { readonly op: Op.Split; readonly x: number; readonly y: number }
  | { readonly op: Op.Jump; readonly x: number }
  | { readonly op: Op.Assert; readonly at: "start" | "end" | "word" | "notWord" }
  | { readonly op: Op.Look; readonly look: Look }
  | { readonly op: Op.Match };

interface Program {
  readonly code: readonly Instruction[];
  /** Scratch marks, one per instruction: "added at this step" (see `run`). */
  readonly marks: Uint32Array;
  generation: number;
}

/**
 * Counted repetitions are unrolled (`x{2,4}` is `x x x? x?`); the largest in the model, `.{0,4096}`,
 * gives about 8,000 instructions. A pattern past this bound is refused rather than compiled into
 * a matcher that costs megabytes.
 */
const MAX_PROGRAM = 200_000;

/** A whole-value matcher for a Java pattern of the model, linear in the value's length. */
export interface LinearMatcher {
  test(value: string): boolean;
}

const matchers = new Map<string, LinearMatcher>();

/**
 * The linear-time whole-value matcher for a model pattern, compiled once per pattern. Java's
 * `Matcher.matches()` (what Coral calls) is a full match, so the value must be consumed entirely.
 *
 * @example linearMatcher("(https|s3)://([^/]+)/?(.*)").test("s3://bucket/key") // true
 */
export function linearMatcher(javaPattern: string): LinearMatcher {
  let matcher = matchers.get(javaPattern);
  if (matcher === undefined) {
    const program = compile(parse(translateJavaPattern(javaPattern)));
    matcher = { test: (value) => fullMatch(program, value) };
    matchers.set(javaPattern, matcher);
  }
  return matcher;
}

// ---------------------------------------------------------------------------------------------
// Parsing the translated (JS, u-mode) source.

const atoms = new Map<string, Atom>();

/** One single-character atom, decided by V8 on that one character; ASCII answers are precomputed. */
function atom(source: string): Atom {
  let test = atoms.get(source);
  if (test === undefined) {
    const re = new RegExp(`^(?:${source})$`, "u");
    const ascii = new Uint8Array(128);
    for (let c = 0; c < 128; c++) ascii[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
    test = (cp) => (cp < 128 ? ascii[cp] === 1 : re.test(String.fromCodePoint(cp)));
    atoms.set(source, test);
  }
  return test;
}

const isHigh = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;

class Parser {
  i = 0;
  constructor(readonly src: string) {}

  fail(why: string): never {
    throw new SyntaxError(`${why} at ${this.i} in /${this.src}/`);
  }

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) this.fail("unbalanced )");
    return node;
  }

  alternation(): Node {
    const items = [this.sequence()];
    while (this.src.charAt(this.i) === "|") {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { kind: "alt", items };
  }

  sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src.charAt(this.i) !== "|" && this.src.charAt(this.i) !== ")") {
      let node = this.term();
      for (;;) {
        const q = this.quantifier();
        if (q === undefined) break;
        node = { kind: "repeat", node, min: q[0], max: q[1] };
      }
      items.push(node);
    }
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  }

  /** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy (`?`): [min, max]. */
  quantifier(): [number, number] | undefined {
    const c = this.src.charAt(this.i);
    let q: [number, number];
    if (c === "*") q = [0, Infinity];
    else if (c === "+") q = [1, Infinity];
    else if (c === "?") q = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (m === null) this.fail("bad {} quantifier");
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (max < min) this.fail("numbers out of order in {} quantifier");
      this.i += m[0].length - 1;
      q = [min, max];
    } else return undefined;
    this.i++;
    if (this.src.charAt(this.i) === "?") this.i++; // lazy: the same set of full matches
    return q;
  }

  term(): Node {
    const src = this.src;
    const c = src.charAt(this.i);
    if (c === "(") {
      let behind = false;
      let look: "" | "=" | "!" = "";
      if (src.startsWith("(?:", this.i)) this.i += 3;
      else if (src.startsWith("(?=", this.i) || src.startsWith("(?!", this.i)) {
        look = src.charAt(this.i + 2) as "=" | "!";
        this.i += 3;
      } else if (src.startsWith("(?<=", this.i) || src.startsWith("(?<!", this.i)) {
        look = src.charAt(this.i + 3) as "=" | "!";
        behind = true;
        this.i += 4;
      } else if (src.startsWith("(?<", this.i)) {
        const end = src.indexOf(">", this.i);
        if (end < 0) this.fail("unterminated group name");
        this.i = end + 1;
      } else if (src.startsWith("(?", this.i)) this.fail("unsupported group");
      else this.i += 1;
      const node = this.alternation();
      if (src.charAt(this.i) !== ")") this.fail("missing )");
      this.i++;
      return look === "" ? node : { kind: "look", node, behind, negate: look === "!" };
    }
    if (c === "[") {
      const start = this.i;
      this.i++;
      if (src.charAt(this.i) === "^") this.i++;
      while (this.i < src.length && src.charAt(this.i) !== "]") this.i += src.charAt(this.i) === "\\" ? 2 : 1;
      if (this.i >= src.length) this.fail("unterminated class");
      this.i++;
      return { kind: "atom", test: atom(src.slice(start, this.i)) };
    }
    if (c === "^" || c === "$") {
      this.i++;
      return { kind: "assert", at: c === "^" ? "start" : "end" };
    }
    if (c === "\\") return this.escape();
    if (c === "*" || c === "+" || c === "?" || c === "{") this.fail("nothing to repeat");
    // A literal code point (a surrogate pair in the source is one character in u-mode).
    const cp = src.codePointAt(this.i)!;
    const literal = String.fromCodePoint(cp);
    this.i += literal.length;
    return { kind: "atom", test: atom(c === "." ? "." : literal) };
  }

  escape(): Node {
    const src = this.src;
    const start = this.i;
    const e = src.charAt(this.i + 1);
    this.i += 2;
    if (e === "b" || e === "B") return { kind: "assert", at: e === "b" ? "word" : "notWord" };
    if (/[1-9]/.test(e) || e === "k") this.fail("backreferences cannot be matched in linear time");
    if ((e === "p" || e === "P") && src.charAt(this.i) === "{") {
      const end = src.indexOf("}", this.i);
      if (end < 0) this.fail("unterminated \\p{");
      this.i = end + 1;
    } else if (e === "u" && src.charAt(this.i) === "{") {
      const end = src.indexOf("}", this.i);
      if (end < 0) this.fail("unterminated \\u{");
      this.i = end + 1;
    } else if (e === "u") {
      const unit = Number.parseInt(src.slice(this.i, this.i + 4), 16);
      this.i += 4;
      // `\uD83D\uDE00` is one code point in u-mode: keep the pair in one atom.
      if (isHigh(unit) && src.startsWith("\\u", this.i) && isLow(Number.parseInt(src.slice(this.i + 2, this.i + 6), 16))) {
        this.i += 6;
      }
    } else if (e === "x") this.i += 2;
    else if (e === "c") this.i += 1;
    else if (e === "") this.fail("trailing backslash");
    return { kind: "atom", test: atom(src.slice(start, this.i)) };
  }
}

function parse(source: string): Node {
  return new Parser(source).parse();
}

/** The same language read right to left: how a lookbehind runs backwards from its position. */
function reverse(node: Node): Node {
  switch (node.kind) {
    case "seq":
      return { kind: "seq", items: node.items.map(reverse).reverse() };
    case "alt":
      return { kind: "alt", items: node.items.map(reverse) };
    case "repeat":
      return { ...node, node: reverse(node.node) };
    default:
      // Atoms are one character; anchors and nested lookarounds test absolute positions and
      // keep their own direction.
      return node;
  }
}

// ---------------------------------------------------------------------------------------------
// Compiling to NFA instructions.

function compile(root: Node): Program {
  const code: Instruction[] = [];
  const emit = (ins: Instruction): number => {
    if (code.length >= MAX_PROGRAM) throw new SyntaxError(`pattern too large for the linear matcher (> ${MAX_PROGRAM} instructions)`);
    code.push(ins);
    return code.length - 1;
  };
  // Split and Jump targets are patched once known, through this mutable view.
  const patch = (at: number, ins: Instruction): void => {
    code[at] = ins;
  };
  const gen = (node: Node): void => {
    switch (node.kind) {
      case "atom":
        emit({ op: Op.Atom, test: node.test });
        return;
      case "assert":
        emit({ op: Op.Assert, at: node.at });
        return;
      case "look": {
        const body = node.behind ? reverse(node.node) : node.node;
        emit({ op: Op.Look, look: { program: compile(body), behind: node.behind, negate: node.negate } });
        return;
      }
      case "seq":
        for (const item of node.items) gen(item);
        return;
      case "alt": {
        // split L1, next; L1: a; jump end; next: split L2, next2; …; last alternative; end:
        const jumps: number[] = [];
        node.items.forEach((item, k) => {
          if (k < node.items.length - 1) {
            const split = emit({ op: Op.Match }); // placeholder
            gen(item);
            jumps.push(emit({ op: Op.Match })); // placeholder for the jump to the end
            patch(split, { op: Op.Split, x: split + 1, y: code.length });
          } else gen(item);
        });
        for (const j of jumps) patch(j, { op: Op.Jump, x: code.length });
        return;
      }
      case "repeat": {
        for (let k = 0; k < node.min; k++) gen(node.node);
        if (node.max === Infinity) {
          // loop: split body, out; body; jump loop
          const loop = emit({ op: Op.Match });
          gen(node.node);
          emit({ op: Op.Jump, x: loop });
          patch(loop, { op: Op.Split, x: loop + 1, y: code.length });
        } else {
          // x? x? … : every optional copy may leave for the common end.
          const splits: number[] = [];
          for (let k = node.min; k < node.max; k++) {
            splits.push(emit({ op: Op.Match }));
            gen(node.node);
          }
          for (const s of splits) patch(s, { op: Op.Split, x: s + 1, y: code.length });
        }
        return;
      }
    }
  };
  gen(root);
  emit({ op: Op.Match });
  return { code, marks: new Uint32Array(code.length), generation: 0 };
}

// ---------------------------------------------------------------------------------------------
// Running.

/** JS `\w` (u-mode without `i`), what `\b` tests: ASCII letters, digits and `_`. */
const isWordUnit = (u: number): boolean =>
  (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122) || u === 95;

/** Per-run memo of lookaround answers, by lookaround and value position. */
type LookMemo = Map<Look, Map<number, boolean>>;

function fullMatch(program: Program, value: string): boolean {
  return run(program, value, 0, false, true, new Map());
}

/**
 * Simulates `program` over `value` from `start`, forwards or (for a lookbehind) backwards.
 * `whole`: succeed only when the match reaches the end of the value (forwards) — the full match;
 * otherwise succeed as soon as the program matches at all (a lookaround needs only some match).
 */
function run(program: Program, value: string, start: number, backwards: boolean, whole: boolean, memo: LookMemo): boolean {
  const { code, marks } = program;
  // Each program owns its marks. A run never nests inside a run of the same program (a
  // lookaround's program is run to completion while the outer run waits, and no program contains
  // itself), so one generation counter per program is enough.
  let current: number[] = [];
  let next: number[] = [];
  const stack: number[] = [];
  let matched = false;

  const assertion = (at: "start" | "end" | "word" | "notWord", pos: number): boolean => {
    if (at === "start") return pos === 0;
    if (at === "end") return pos === value.length;
    const before = pos > 0 && isWordUnit(value.charCodeAt(pos - 1));
    const after = pos < value.length && isWordUnit(value.charCodeAt(pos));
    return (before !== after) === (at === "word");
  };
  const look = (l: Look, pos: number): boolean => {
    let answers = memo.get(l);
    if (answers === undefined) memo.set(l, (answers = new Map()));
    let found = answers.get(pos);
    if (found === undefined) {
      found = run(l.program, value, pos, l.behind, false, memo);
      answers.set(pos, found);
    }
    return found !== l.negate;
  };
  /** Adds `pc` and everything reachable from it without reading a character, at `pos`. */
  const add = (list: number[], pc: number, pos: number, generation: number): void => {
    stack.push(pc);
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (marks[at] === generation) continue;
      marks[at] = generation;
      const ins = code[at]!;
      switch (ins.op) {
        case Op.Atom:
          list.push(at);
          break;
        case Op.Match:
          if (!whole || pos === value.length) matched = true;
          break;
        case Op.Jump:
          stack.push(ins.x);
          break;
        case Op.Split:
          stack.push(ins.y, ins.x);
          break;
        case Op.Assert:
          if (assertion(ins.at, pos)) stack.push(at + 1);
          break;
        case Op.Look:
          if (look(ins.look, pos)) stack.push(at + 1);
          break;
      }
    }
  };

  const fresh = (): number => {
    program.generation = program.generation === 0xffffffff ? 1 : program.generation + 1;
    if (program.generation === 1) marks.fill(0);
    return program.generation;
  };
  let pos = start;
  add(current, 0, pos, fresh());
  while (!matched && current.length > 0) {
    if (backwards ? pos === 0 : pos === value.length) break;
    // The code point that starts (forwards) or ends (backwards) at `pos`.
    let cp: number;
    let width: number;
    if (backwards) {
      const low = value.charCodeAt(pos - 1);
      width = isLow(low) && pos >= 2 && isHigh(value.charCodeAt(pos - 2)) ? 2 : 1;
      cp = value.codePointAt(pos - width)!;
    } else {
      cp = value.codePointAt(pos)!;
      width = cp > 0xffff ? 2 : 1;
    }
    const after = backwards ? pos - width : pos + width;
    const generation = fresh();
    for (const pc of current) {
      const ins = code[pc] as { op: Op.Atom; test: Atom };
      if (ins.test(cp)) add(next, pc + 1, after, generation);
      if (matched) break;
    }
    [current, next] = [next, current];
    next.length = 0;
    pos = after;
  }
  return matched;
}
