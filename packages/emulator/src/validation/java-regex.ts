/**
 * The model's `pattern` traits are Java regular expressions (Coral validates with
 * java.util.regex and `Matcher.matches()`, i.e. a whole-value match). This translates the
 * subset the SageMaker model uses to an anchored JS `RegExp` with the `u` flag (needed for
 * `\p{L}` and for `\uD800\uDC00`-style surrogate pairs, which both engines read as one code point).
 *
 * Java semantics kept, where JS differs:
 * - `\s` / `\S` are ASCII-only in Java (`[ \t\n\x0B\f\r]`); JS's are Unicode.
 * - `.` also excludes U+0085 in Java.
 * - POSIX classes such as `\p{Alnum}` (ASCII in Java) do not exist in JS.
 * - Java accepts a backslash before any punctuation; `u`-mode JS rejects `\-` outside a class
 *   and e.g. `\_` anywhere, so unnecessary escapes are dropped.
 * - Java accepts a quantifier after `^` or `$`; JS needs the anchor in a group to repeat it.
 * Constructs with no JS equivalent (class intersections, `\A`, `\z`, `\Q…\E`, …) throw, so a
 * model update that brings one in fails the "every pattern compiles" test rather than
 * validating wrongly.
 */

const JAVA_SPACE = " \\t\\n\\x0B\\f\\r";
const JAVA_DOT = "[^\\n\\r\\u0085\\u2028\\u2029]";
const POSIX: Readonly<Record<string, string>> = {
  Alnum: "A-Za-z0-9",
  Alpha: "A-Za-z",
  Digit: "0-9",
  Upper: "A-Z",
  Lower: "a-z",
  XDigit: "0-9a-fA-F",
};
/** Escapes kept as they are: JS syntax characters (and `\-`, but only inside a class). */
const KEEP_ESCAPED = new Set([..."^$\\.*+?()[]{}|/"]);
const UNSUPPORTED_ESCAPES = new Set([..."AzZGQEhHvVRX"]);

export function translateJavaPattern(pattern: string): string {
  let out = "";
  let cls: { items: string; negated: boolean; nonSpace: boolean } | undefined;
  const emit = (s: string): void => {
    if (cls) cls.items += s;
    else out += s;
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      const e = pattern.charAt(++i);
      if (e === "") throw new SyntaxError(`trailing backslash in ${pattern}`);
      if (UNSUPPORTED_ESCAPES.has(e)) throw new SyntaxError(`unsupported Java escape \\${e} in ${pattern}`);
      if (e === "s") emit(cls ? JAVA_SPACE : `[${JAVA_SPACE}]`);
      else if (e === "S") {
        if (cls) cls.nonSpace = true;
        else out += `[^${JAVA_SPACE}]`;
      } else if (e === "p" && pattern.startsWith("{", i + 1)) {
        const end = pattern.indexOf("}", i);
        if (end < 0) throw new SyntaxError(`unterminated \\p{ in ${pattern}`);
        const name = pattern.slice(i + 2, end);
        i = end;
        const posix = POSIX[name];
        emit(posix === undefined ? `\\p{${name}}` : cls ? posix : `[${posix}]`);
      } else if (/[A-Za-z0-9]/.test(e))
        emit(`\\${e}`); // \d \w \b \uXXXX \t \1 …: same in JS
      else if (KEEP_ESCAPED.has(e) || (e === "-" && cls)) emit(`\\${e}`);
      else emit(e); // Java's optional escape of other punctuation (`\-` outside a class, `\_`, `\:`)
    } else if (cls) {
      if (c === "[" || (c === "&" && pattern.charAt(i + 1) === "&")) {
        throw new SyntaxError(`unsupported Java class union/intersection in ${pattern}`);
      }
      if (c === "]") {
        out += closeClass(cls);
        cls = undefined;
      } else cls.items += c;
    } else if (c === "[") {
      const negated = pattern.charAt(i + 1) === "^";
      if (negated) i++;
      cls = { items: "", negated, nonSpace: false };
    } else if (c === ".") out += JAVA_DOT;
    else if ((c === "$" || c === "^") && "*+?{".includes(pattern.charAt(i + 1))) {
      // Java lets a quantifier follow an anchor (TagKey's `(…)${1,128}`: the anchor, 1 to 128
      // times, i.e. the anchor); JS refuses "nothing to repeat" unless the anchor is in a group.
      out += `(?:${c})`;
    } else out += c;
  }
  if (cls) throw new SyntaxError(`unterminated character class in ${pattern}`);
  return out;
}

function closeClass(cls: { items: string; negated: boolean; nonSpace: boolean }): string {
  const plain = `[${cls.negated ? "^" : ""}${cls.items}]`;
  if (!cls.nonSpace) return plain;
  if (cls.items === JAVA_SPACE && !cls.negated) return "[\\s\\S]"; // `[\s\S]`: any character in both engines
  // `\S` inside a class: a JS class cannot hold a negated set without the `v` flag (which would
  // reject other model patterns), so `[x\S]` becomes `(?:[x]|[^<space>])`.
  if (cls.negated) throw new SyntaxError("unsupported \\S inside a negated class");
  return cls.items === "" ? `[^${JAVA_SPACE}]` : `(?:${plain}|[^${JAVA_SPACE}])`;
}

const cache = new Map<string, RegExp>();

/**
 * V8's whole-value RegExp for a model pattern, compiled once per pattern. Validation does not use
 * it: V8 backtracks, and some model patterns then take quadratic or exponential time on a crafted
 * value (linear-regex.ts explains). It is the reference the linear matcher is tested against, and
 * what test generators use.
 */
export function javaRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re === undefined) {
    re = new RegExp(`^(?:${translateJavaPattern(pattern)})$`, "u");
    cache.set(pattern, re);
  }
  return re;
}
