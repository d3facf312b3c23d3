import { translateJavaPattern } from "./java-regex.js";

/**
 * A matcher for the model's patterns whose time is linear in the value's length, whatever the
 * pattern: a Thompson NFA run breadth-first, as RE2 and Rust's `regex` do, never backtracking.
 *
 * Why not V8's RegExp: it backtracks, and some model patterns backtrack badly on a value crafted
 * to fail late. S3Uri `(https|s3)://([^/]+)/?(.*)` is quadratic on `s3://aaa…a/\n` (`.` refuses
 * the final `\n`, so every split between `[^/]+` and `.*` is retried: 3.5 s at 64,000 characters,
 * and the issue that found it saw four such values block every client for 14 s);
 * `[a-z0-9]([-a-z0-9]*[a-z0-9]){0,39}?` (a shape with no length limit) is exponential: 30
 * letters and a `!` take seconds. Anchoring, which the full match already gives, does not help;
 * what helps is never trying the same (pattern position, value position) twice, which an NFA
 * simulation guarantees by construction: it keeps a set of pattern positions per value position.
 *
 * The pattern is first translated from Java to JS syntax (java-regex.ts, which also keeps Java's
 * meaning of `.`, `\s`, `\p{Alnum}` …); this module parses that JS source. Each single-character
 * atom (a class, an escape, a literal) is decided by a one-character V8 RegExp, so atoms mean
 * exactly what they mean to V8 and cannot backtrack. The V8 RegExp of the whole pattern
 * (`javaRegExp`) stays the reference the tests compare this matcher with.
 *
 * Two executions:
 * - A lazy DFA (RE2's): each set of NFA states, and its successor on each character, is
 *   computed once and remembered, so on a long value a character usually costs an array lookup.
 *   A counted repetition `X{n,m}` with a large `m` is not unrolled into m copies of X (which made
 *   `https://([.\-_a-zA-Z0-9]+/?){3,1016}` cost thousands of NFA states per character): X is
 *   compiled once and each NFA state in it carries the SET of iteration counts it is reached
 *   with, as a bitset (the counting-set automata of Turoňová, Holík, Lengál et al., OOPSLA 2020).
 * - A Pike VM (the plain NFA simulation) for patterns with `\b`, `\B` or a lookaround, whose
 *   answer at a position depends on the text around it rather than on NFA states alone. A
 *   lookaround is evaluated at most once per value position (memoised) by a run of its own
 *   sub-pattern; every model lookaround sits at the start of its pattern or is one character long.
 *
 * Supported: alternation, groups (capturing or not; captures are not needed to decide a full
 * match), greedy and lazy quantifiers (laziness changes which match is found, never whether one
 * exists), `^`, `$`, `\b`, `\B`, lookahead and lookbehind. Backreferences are refused with a
 * SyntaxError (no model pattern uses one, and they cannot be matched in linear time).
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

/** A counted repetition compiled once: its body's states carry iteration counts (DFA only). */
interface Loop {
  readonly min: number;
  readonly max: number;
  /** Bitset words for counts 0..max. */
  readonly words: number;
  /** The set {0} (no iteration done yet), shared: count sets are never changed once made. */
  readonly zero: Counts;
  /** First instruction of the body, and the one after the loop. */
  body: number;
  exit: number;
}

enum Op {
  Atom,
  Split,
  Jump,
  Assert,
  Look,
  Match,
  /** Enters a counted loop: its body starts at the next instruction, with count 0 done. */
  CountEnter,
  /** Ends one iteration: leave if enough were done, go round again if fewer than max. */
  CountNext,
}

type Instruction =
  | { readonly op: Op.Atom; readonly test: Atom }
  | { readonly op: Op.Split; readonly x: number; readonly y: number }
  | { readonly op: Op.Jump; readonly x: number }
  | { readonly op: Op.Assert; readonly at: "start" | "end" | "word" | "notWord" }
  | { readonly op: Op.Look; readonly look: Look }
  | { readonly op: Op.Match }
  | { readonly op: Op.CountEnter | Op.CountNext; readonly loop: Loop };

interface Program {
  readonly code: readonly Instruction[];
  /** The counted loop whose body holds each instruction, if any. */
  readonly inLoop: readonly (Loop | undefined)[];
  /** Scratch marks, one per instruction: "reached in this closure" (generation-stamped). */
  readonly marks: Uint32Array;
  /** Scratch count sets, one per instruction inside a loop, valid where `marks` is current. */
  readonly counts: (Counts | undefined)[];
  generation: number;
  /** Run by the lazy DFA (no `\b`, `\B` or lookaround), else by the Pike VM. */
  readonly dfa: boolean;
  /** The DFA states built so far, by a hash of their contents; see `dfaMatch`. */
  readonly states: Map<number, DfaState[]>;
  stateCount: number;
  start: DfaState | undefined;
}

/**
 * A state of the lazily built DFA: the NFA atom instructions waiting for the next character
 * (with their iteration counts inside a counted loop), whether the value may end here, and the
 * transitions found so far.
 */
interface DfaState {
  readonly atoms: Int32Array;
  readonly counts: readonly (Counts | undefined)[];
  readonly accepting: boolean;
  /** Whether `states` holds it; edges are remembered only between remembered states. */
  readonly remembered: boolean;
  /** Next state by ASCII code; `null` when not computed yet. */
  readonly ascii: (DfaState | null)[];
  /** Next state for other code points, bounded. */
  readonly other: Map<number, DfaState>;
}

/**
 * Small counted repetitions are unrolled (`x{2,4}` is `x x x? x?`), larger ones counted (DFA)
 * or, in a Pike VM program, unrolled up to this many instructions; a pattern past it is refused
 * rather than compiled into a matcher that costs megabytes.
 */
const MAX_PROGRAM = 200_000;
/** A counted repetition with a larger finite maximum is counted instead of unrolled (DFA only). */
const COUNT_ABOVE = 16;

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
    matcher = compileMatcher(javaPattern);
    matchers.set(javaPattern, matcher);
  }
  return matcher;
}

/**
 * A fresh matcher with its own (empty) DFA cache: for measuring the cost of a cold cache.
 * `engine: "nfa"` forces the plain NFA simulation with every repetition unrolled: the simplest
 * construction, which tests use as a reference for the DFA and its counted loops.
 */
export function compileMatcher(javaPattern: string, engine: "auto" | "nfa" = "auto"): LinearMatcher {
  const root = parse(translateJavaPattern(javaPattern));
  const program = compile(root, engine === "auto" && !dependsOnContext(root));
  return { test: (value) => (program.dfa ? dfaMatch(program, value) : run(program, value, 0, false, true, new Map())) };
}

// ---------------------------------------------------------------------------------------------
// Parsing the translated (JS, u-mode) source.

const atoms = new Map<string, Atom>();
/** Supplementary-plane answers kept per atom; past this, V8 is asked again (still one character). */
const MAX_ASTRAL_ANSWERS = 4096;

/**
 * One single-character atom, decided by V8 on that one character. Answers are remembered: ASCII
 * up front, the rest of the Basic Multilingual Plane lazily in two bitmaps (known, matches; 16 KiB
 * per atom), supplementary code points in a bounded map. So a value of many distinct characters
 * costs one V8 call per new character at most, and a repeated one a bit lookup.
 */
function atom(source: string): Atom {
  let test = atoms.get(source);
  if (test === undefined) {
    const re = new RegExp(`^(?:${source})$`, "u");
    const known = new Uint8Array(8192);
    const yes = new Uint8Array(8192);
    for (let c = 0; c < 128; c++) {
      known[c >> 3]! |= 1 << (c & 7);
      if (re.test(String.fromCharCode(c))) yes[c >> 3]! |= 1 << (c & 7);
    }
    const astral = new Map<number, boolean>();
    test = (cp) => {
      if (cp <= 0xffff) {
        const byte = cp >> 3;
        const bit = 1 << (cp & 7);
        if ((known[byte]! & bit) === 0) {
          known[byte]! |= bit;
          if (re.test(String.fromCharCode(cp))) yes[byte]! |= bit;
        }
        return (yes[byte]! & bit) !== 0;
      }
      let answer = astral.get(cp);
      if (answer === undefined) {
        answer = re.test(String.fromCodePoint(cp));
        if (astral.size < MAX_ASTRAL_ANSWERS) astral.set(cp, answer);
      }
      return answer;
    };
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

/** Whether the answer at a position depends on the text around it (`\b`, `\B`, lookarounds). */
function dependsOnContext(node: Node): boolean {
  switch (node.kind) {
    case "seq":
    case "alt":
      return node.items.some(dependsOnContext);
    case "repeat":
      return dependsOnContext(node.node);
    case "look":
      return true;
    case "assert":
      return node.at === "word" || node.at === "notWord";
    default:
      return false;
  }
}

/**
 * Whether a repetition is counted rather than unrolled: a large finite maximum and no counted
 * loop inside. Unrolled, `https://([^/]+)/?.{3,1016}` keeps every copy of `.` live at once (the
 * `[^/]+` may end anywhere), a thousand NFA states per character; counted, one state with a set
 * of counts, whose cost is a few words per thousand counts.
 */
const counted = (node: Node, counting: boolean): boolean =>
  counting && node.kind === "repeat" && node.max !== Infinity && node.max > COUNT_ABOVE && !holdsCounted(node.node);

/** Whether a counted loop would be compiled inside `node` (loops are counted innermost first). */
function holdsCounted(node: Node): boolean {
  switch (node.kind) {
    case "seq":
    case "alt":
      return node.items.some(holdsCounted);
    case "repeat":
      return counted(node, true) || holdsCounted(node.node);
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Compiling to NFA instructions.

function compile(root: Node, counting: boolean): Program {
  const code: Instruction[] = [];
  const inLoop: (Loop | undefined)[] = [];
  let current: Loop | undefined;
  const emit = (ins: Instruction): number => {
    if (code.length >= MAX_PROGRAM) throw new SyntaxError(`pattern too large for the linear matcher (> ${MAX_PROGRAM} instructions)`);
    code.push(ins);
    inLoop.push(current);
    return code.length - 1;
  };
  // Split and Jump targets are patched once known.
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
        emit({ op: Op.Look, look: { program: compile(body, false), behind: node.behind, negate: node.negate } });
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
        if (counted(node, counting)) {
          // [split enter, after (when min is 0)] CountEnter; body; CountNext; after:
          const skip = node.min === 0 ? emit({ op: Op.Match }) : -1;
          const words = Math.ceil((node.max + 1) / 32);
          const loop: Loop = { min: node.min, max: node.max, words, zero: zeroCounts(words), body: 0, exit: 0 };
          emit({ op: Op.CountEnter, loop });
          loop.body = code.length;
          current = loop;
          gen(node.node);
          emit({ op: Op.CountNext, loop });
          current = undefined;
          loop.exit = code.length;
          if (skip >= 0) patch(skip, { op: Op.Split, x: skip + 1, y: code.length });
          return;
        }
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
  return {
    code,
    inLoop,
    marks: new Uint32Array(code.length),
    counts: new Array<Counts | undefined>(code.length).fill(undefined),
    generation: 0,
    dfa: counting,
    states: new Map(),
    stateCount: 0,
    start: undefined,
  };
}

/** A new generation for the program's scratch marks. */
function fresh(program: Program): number {
  program.generation = program.generation === 0xffffffff ? 1 : program.generation + 1;
  if (program.generation === 1) program.marks.fill(0);
  return program.generation;
}

// ---------------------------------------------------------------------------------------------
// Sets of iteration counts, for counted loops.

/**
 * A set of iteration counts (0..max) as a bitset, with the range of words that may be non-zero,
 * so a set of a few neighbouring counts (the usual case) costs a word or two, not max / 32.
 * Sets are never changed once they travel between threads; only a closure's accumulators are.
 */
interface Counts {
  readonly bits: Uint32Array;
  /** Words [lo, hi) hold every set bit. */
  lo: number;
  hi: number;
}

function zeroCounts(words: number): Counts {
  const bits = new Uint32Array(words);
  bits[0] = 1;
  return { bits, lo: 0, hi: 1 };
}

/** `incoming` minus `held`, and `held` grows by it; undefined when nothing is new. */
function addNew(held: Counts, incoming: Counts): Counts | undefined {
  let out: Counts | undefined;
  for (let w = incoming.lo; w < incoming.hi; w++) {
    const added = incoming.bits[w]! & ~held.bits[w]!;
    if (added === 0) continue;
    if (out === undefined) out = { bits: new Uint32Array(held.bits.length), lo: w, hi: w + 1 };
    out.bits[w] = added;
    out.hi = w + 1;
    held.bits[w]! |= added;
    if (w < held.lo) held.lo = w;
    if (w + 1 > held.hi) held.hi = w + 1;
  }
  return out;
}

/** Every count plus one (an iteration done), dropping counts above `max`. */
function plusOne(set: Counts, max: number): Counts {
  const words = set.bits.length;
  const bits = new Uint32Array(words);
  const hi = Math.min(words, set.hi + 1);
  for (let w = set.lo; w < hi; w++) bits[w] = (set.bits[w]! << 1) | (w > 0 ? set.bits[w - 1]! >>> 31 : 0);
  clearFrom(bits, max + 1);
  return { bits, lo: set.lo, hi };
}

/** Clears the bits of counts `from` and above. */
function clearFrom(bits: Uint32Array, from: number): void {
  const w = Math.floor(from / 32);
  if (w >= bits.length) return;
  bits[w]! &= (1 << (from % 32)) - 1;
  bits.fill(0, w + 1);
}

function hasAtLeast(set: Counts, min: number): boolean {
  for (let w = Math.max(set.lo, Math.floor(min / 32)); w < set.hi; w++) {
    const word = w === Math.floor(min / 32) ? set.bits[w]! & ~((1 << (min % 32)) - 1) : set.bits[w]!;
    if (word !== 0) return true;
  }
  return false;
}

function isEmpty(set: Counts): boolean {
  for (let w = set.lo; w < set.hi; w++) if (set.bits[w] !== 0) return false;
  return true;
}

function sameCounts(a: Counts | undefined, b: Counts | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const lo = Math.min(a.lo, b.lo);
  const hi = Math.max(a.hi, b.hi);
  for (let w = lo; w < hi; w++) if (a.bits[w] !== b.bits[w]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// The lazy DFA.

/**
 * DFA states kept per program; past this, new states are used for the step that needs them and
 * not remembered (RE2 bounds its cache the same way), so memory stays bounded whatever the value.
 */
const MAX_DFA_STATES = 10_000;
/** Remembered non-ASCII transitions per DFA state. */
const MAX_OTHER_TRANSITIONS = 1024;

function dfaMatch(program: Program, value: string): boolean {
  let state: DfaState = program.start ?? dfaState(program, [0], [undefined], true);
  program.start = state;
  const pcs: number[] = [];
  const sets: (Counts | undefined)[] = [];
  for (let pos = 0; pos < value.length; ) {
    const cp = value.codePointAt(pos)!;
    pos += cp > 0xffff ? 2 : 1;
    let next: DfaState | null | undefined = cp < 128 ? state.ascii[cp] : state.other.get(cp);
    if (next === undefined || next === null) {
      pcs.length = 0;
      sets.length = 0;
      for (let i = 0; i < state.atoms.length; i++) {
        const pc = state.atoms[i]!;
        if ((program.code[pc] as { test: Atom }).test(cp)) {
          pcs.push(pc + 1);
          sets.push(state.counts[i]);
        }
      }
      next = dfaState(program, pcs, sets, false);
      // Remember the edge only between remembered states, so a bounded cache stays bounded.
      if (next.remembered && state.remembered) {
        if (cp < 128) state.ascii[cp] = next;
        else if (state.other.size < MAX_OTHER_TRANSITIONS) state.other.set(cp, next);
      }
    }
    state = next;
    if (state.atoms.length === 0) return pos === value.length && state.accepting;
  }
  return state.accepting;
}

/**
 * The DFA state reached from the seed threads (the instructions after a consumed character, or
 * the program's start): the atoms reachable without reading a character, through `^` only at
 * the start and never through `$`; and whether Match is reachable should the value end here.
 */
function dfaState(program: Program, pcs: readonly number[], sets: readonly (Counts | undefined)[], atStart: boolean): DfaState {
  const reached = closure(program, pcs, sets, atStart, false);
  let accepting = reached.matched;
  // Paths through `$` count only if the value ends here: walked from where they passed a `$`.
  if (!accepting && reached.ends.length > 0) accepting = closure(program, reached.ends, reached.endSets, atStart, true).matched;
  const order = reached.atoms.map((_, i) => i).sort((a, b) => reached.atoms[a]! - reached.atoms[b]!);
  const atoms = Int32Array.from(order, (i) => reached.atoms[i]!);
  const counts = order.map((i) => reached.atomSets[i]);
  let hash = accepting ? 0x811c9dc5 : 0x050c5d1f;
  for (let i = 0; i < atoms.length; i++) {
    hash = Math.imul(hash ^ atoms[i]!, 0x01000193);
    const set = counts[i];
    if (set !== undefined)
      for (let w = set.lo; w < set.hi; w++) if (set.bits[w] !== 0) hash = Math.imul(hash ^ (set.bits[w]! + w), 0x01000193);
  }
  const bucket = program.states.get(hash);
  for (const known of bucket ?? []) if (sameState(known, atoms, counts, accepting)) return known;
  const remembered = program.stateCount < MAX_DFA_STATES;
  const state: DfaState = { atoms, counts, accepting, remembered, ascii: new Array<DfaState | null>(128).fill(null), other: new Map() };
  if (remembered) {
    program.stateCount++;
    if (bucket === undefined) program.states.set(hash, [state]);
    else bucket.push(state);
  }
  return state;
}

function sameState(s: DfaState, atoms: Int32Array, counts: readonly (Counts | undefined)[], accepting: boolean): boolean {
  if (s.accepting !== accepting || s.atoms.length !== atoms.length) return false;
  for (let i = 0; i < atoms.length; i++) if (s.atoms[i] !== atoms[i] || !sameCounts(s.counts[i], counts[i])) return false;
  return true;
}

interface Reached {
  /** Atom instructions reached, with their counts (final: every count they were reached with). */
  readonly atoms: number[];
  readonly atomSets: (Counts | undefined)[];
  readonly matched: boolean;
  /** Threads just past a `$`, for the walk that decides whether the value may end here. */
  readonly ends: number[];
  readonly endSets: (Counts | undefined)[];
}

/**
 * Everything reachable from the seed threads without reading a character. Outside counted loops
 * an instruction is visited once; inside one, again whenever it is reached with counts it did
 * not have yet (only those new counts travel on), so the walk ends: counts only grow, up to max.
 * `atEnd`: the value ends here, so `$` passes and atoms are of no use.
 */
function closure(
  program: Program,
  seedPcs: readonly number[],
  seedSets: readonly (Counts | undefined)[],
  atStart: boolean,
  atEnd: boolean,
): Reached {
  const { code, marks, counts, inLoop } = program;
  const generation = fresh(program);
  const out: Reached = { atoms: [], atomSets: [], matched: false, ends: [], endSets: [] };
  let matched = false;
  const pcs: number[] = [];
  const sets: (Counts | undefined)[] = [];
  for (let i = seedPcs.length - 1; i >= 0; i--) {
    pcs.push(seedPcs[i]!);
    sets.push(seedSets[i]);
  }
  while (pcs.length > 0) {
    const pc = pcs.pop()!;
    const incoming = sets.pop();
    const loop = inLoop[pc];
    const first = marks[pc] !== generation;
    let carried: Counts | undefined;
    if (loop === undefined) {
      if (!first) continue;
      marks[pc] = generation;
    } else if (first) {
      // Everything is new: the incoming set travels on as it is; a copy accumulates.
      marks[pc] = generation;
      counts[pc] = { bits: incoming!.bits.slice(), lo: incoming!.lo, hi: incoming!.hi };
      carried = incoming;
    } else {
      carried = addNew(counts[pc] as Counts, incoming!);
      if (carried === undefined) continue;
    }
    const ins = code[pc]!;
    switch (ins.op) {
      case Op.Atom:
        if (first && !atEnd) out.atoms.push(pc);
        break;
      case Op.Match:
        matched = true;
        break;
      case Op.Jump:
        pcs.push(ins.x);
        sets.push(carried);
        break;
      case Op.Split:
        pcs.push(ins.y, ins.x);
        sets.push(carried, carried);
        break;
      case Op.Assert:
        if (ins.at === "end" && !atEnd) {
          out.ends.push(pc + 1);
          out.endSets.push(carried);
        } else if ((ins.at === "start" && atStart) || (ins.at === "end" && atEnd)) {
          pcs.push(pc + 1);
          sets.push(carried);
        }
        break;
      case Op.CountEnter:
        pcs.push(pc + 1);
        sets.push(ins.loop.zero);
        break;
      case Op.CountNext: {
        // One more iteration done; leave if enough are done, go round again while fewer than max.
        const { min, max, body, exit } = ins.loop;
        const done = plusOne(carried!, max);
        if (hasAtLeast(done, min)) {
          pcs.push(exit);
          sets.push(undefined);
        }
        clearFrom(done.bits, max);
        if (!isEmpty(done)) {
          pcs.push(body);
          sets.push(done);
        }
        break;
      }
      case Op.Look:
        throw new Error("a lookaround in a DFA program"); // compile() sends those to the Pike VM
    }
  }
  for (const pc of out.atoms) out.atomSets.push(inLoop[pc] === undefined ? undefined : (counts[pc] as Counts));
  return { ...out, matched };
}

// ---------------------------------------------------------------------------------------------
// The Pike VM, for programs with `\b`, `\B` or lookarounds.

/** JS `\w` (u-mode without `i`), what `\b` tests: ASCII letters, digits and `_`. */
const isWordUnit = (u: number): boolean => (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122) || u === 95;

/** Per-run memo of lookaround answers, by lookaround and value position. */
type LookMemo = Map<Look, Map<number, boolean>>;

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
    if (answers === undefined) {
      answers = new Map();
      memo.set(l, answers);
    }
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
        default:
          throw new Error("a counted loop in a Pike VM program"); // compile() counts only for the DFA
      }
    }
  };

  let pos = start;
  add(current, 0, pos, fresh(program));
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
    const generation = fresh(program);
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
