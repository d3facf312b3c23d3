/**
 * The built-in algorithms are Python programs: their log lines print Python reprs (`('accuracy',
 * 0.96)`, `{'k': '5'}`) and their responses are `json.dumps` output (`{"predicted_label": 2.0}`,
 * a space after every `:` and `,`). These helpers print the same text, so a metric regex or a
 * client that compares response text sees what it would see from SageMaker.
 */

/**
 * Python's `repr(float)`: the shortest round-trip digits (as JavaScript's), always with a `.0`
 * or an exponent, and exponent notation below 1e-4 and from 1e16 up (`1e-05`, `1e+16`).
 */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa = "", exponentText = "0"] = x.toExponential().split("e");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  // In this range JavaScript prints plain decimals too; only the `.0` of whole numbers differs.
  const plain = String(x);
  return plain.includes(".") ? plain : `${plain}.0`;
}

/** Python's repr of a dict of strings: `{'k': '5', 'predictor_type': 'classifier'}`. */
export function pyStringDict(entries: Readonly<Record<string, string>>): string {
  const quote = (s: string): string => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  return `{${Object.entries(entries)
    .map(([k, v]) => `${quote(k)}: ${quote(v)}`)
    .join(", ")}}`;
}

/** An integer in a response (`"predicted_label": 0`); a bare number prints as a Python float. */
export class PyInt {
  constructor(readonly value: number) {}
}

export const pyInt = (value: number): PyInt => new PyInt(value);

export type PyJson = number | PyInt | string | boolean | null | readonly PyJson[] | { readonly [key: string]: PyJson };

/** `json.dumps(value)` with Python's default separators; numbers print as floats unless wrapped by {@link pyInt}. */
export function pyJson(value: PyJson): string {
  if (typeof value === "number") {
    // json.dumps writes NaN and Infinity bare (allow_nan=True), not as repr's `nan`.
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return pyFloat(value);
  }
  if (typeof value === "string" || typeof value === "boolean" || value === null) return JSON.stringify(value);
  if (isArray(value)) return `[${value.map(pyJson).join(", ")}]`;
  if (value instanceof PyInt) return String(Math.trunc(value.value));
  return `{${Object.entries(value)
    .map(([k, v]) => `${JSON.stringify(k)}: ${pyJson(v)}`)
    .join(", ")}}`;
}

const isArray = (value: PyJson): value is readonly PyJson[] => Array.isArray(value);
