import { ServiceError } from "../errors.js";
import { javaRegExp } from "./java-regex.js";
import { type Shape, operations, shapes } from "./model.generated.js";

/**
 * Request validation the way Coral (the framework behind SageMaker's JSON API) does it, driven by
 * the botocore model in ./model.generated.ts:
 *
 * 1. Deserialisation: a JSON value of the wrong kind for its shape aborts the request with
 *    `SerializationException` (sagemaker-semantics.md §1.2). The texts are Coral's, as reproduced
 *    by mhart/dynalite `validations/index.js` `checkTypes` from live DynamoDB, another Coral
 *    JSON service.
 * 2. Constraints: every violation of required/length/range/pattern/enum is collected, in member
 *    declaration order, into ONE `ValidationException` (§2.3).
 *
 * Unknown members are ignored and JSON `null` counts as absent, as in Coral (§1, dynalite).
 */

/** The operations whose input is validated (those in the generated table). */
export function knownOperations(): readonly string[] {
  return Object.keys(operations);
}

/**
 * Validates a parsed AWS JSON 1.1 request body for `operation`; throws `ServiceError` with code
 * `SerializationException` or `ValidationException`. A body that is not a JSON object is a
 * `SerializationException` for every operation; operations outside the table are otherwise not
 * checked.
 *
 * @example validateInput("DescribeTrainingJob", { TrainingJobName: "my-job" });
 */
export function validateInput(operation: string, input: unknown): Record<string, unknown> {
  if (input === null || input === undefined) {
    throw new ServiceError("SerializationException", "Expected a JSON object as the request body"); // [INF]
  }
  const shapeName = operations[operation];
  if (shapeName === undefined) {
    typeCheck(ANY_STRUCTURE, input);
    return input as Record<string, unknown>;
  }
  const errors: string[] = [];
  check(shapeOf(shapeName), input, "", errors);
  if (errors.length > 0) {
    const noun = errors.length === 1 ? "error" : "errors";
    throw new ServiceError("ValidationException", `${errors.length} validation ${noun} detected: ${errors.join("; ")}`);
  }
  return input as Record<string, unknown>;
}

const ANY_STRUCTURE: Shape = { type: "structure" };

function shapeOf(name: string): Shape {
  const shape = shapes[name];
  if (shape === undefined) throw new Error(`model.generated.ts has no shape ${name}; regenerate it`);
  return shape;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (s: Shape): boolean => s.type !== "structure" && s.type !== "list" && s.type !== "map";
/** `TrainingJobName` → `trainingJobName`, `S3Uri` → `s3Uri`: only the first character (§2.3). */
const memberPath = (path: string, name: string): string => {
  const member = name.charAt(0).toLowerCase() + name.slice(1);
  return path === "" ? member : `${path}.${member}`;
};

/** `value` is never null here: callers turn null/absent into the required check. */
function check(shape: Shape, value: unknown, path: string, errors: string[]): void {
  typeCheck(shape, value);
  if (shape.type === "structure") {
    const members = shape.members ?? {};
    for (const name in members) {
      const v = (value as Json)[name];
      if (v !== null && v !== undefined) check(shapeOf(members[name] ?? ""), v, memberPath(path, name), errors);
      else if (shape.required?.includes(name)) errors.push(violation(null, memberPath(path, name), "Member must not be null"));
    }
    return;
  }
  const own = violations(shape, value);
  const shown = own.length > 0 ? render(value, shape) : "";
  for (const phrase of own) errors.push(violation(shown, path, phrase));
  if (shape.type === "list") {
    // List items are `<list>.<1-based index>.member` (§2.3, aws/amazon-sagemaker-examples#2236).
    const list = value as unknown[];
    const item = shapeOf(shape.member ?? "");
    let bad = false;
    for (let i = 0; i < list.length; i++) bad = element(item, list[i], `${path}.${i + 1}.member`, errors) || bad;
    if (bad) errors.push(violation(render(value), path, nested("Member", item)));
  } else if (shape.type === "map") {
    // Keys before values, each reported once per map however many entries break it; map
    // values are addressed `<map>.<key>.member` (mhart/dynalite checkValidations).
    const map = value as Json;
    const [key, val] = [shapeOf(shape.key ?? ""), shapeOf(shape.value ?? "")];
    let bad = false;
    for (const k in map) bad ||= violations(key, k).length > 0;
    if (bad) errors.push(violation(render(value), path, nested("Map keys", key)));
    bad = false;
    for (const k in map) bad = element(val, map[k], `${path}.${k}.member`, errors) || bad;
    if (bad) errors.push(violation(render(value), path, nested("Map value", val)));
  }
}

/**
 * One list element or map value. Structures (and nested collections) are walked at `at`; for a
 * scalar this only says whether it breaks a constraint, because Coral reports those once for the
 * whole collection, in a nested form that lists every constraint of the element shape, e.g.
 * Lambda's `Value '[POST, OPTIONS, GET]' at 'cors.allowMethods' failed to satisfy constraint:
 * Member must satisfy constraint: [Member must have length less than or equal to 6, Member must
 * have length greater than or equal to 0, Member must satisfy regular expression pattern: .*, …]`
 * and awslabs/aws-service-catalog-factory#279 (`Map value must satisfy constraint: [Member must
 * have length less than or equal to 1000, Member must have length greater than or equal to 1]`).
 */
function element(shape: Shape, v: unknown, at: string, errors: string[]): boolean {
  if (v === null || v === undefined) {
    errors.push(violation(null, at, "Member must not be null")); // [INF]: keeps nulls out of handlers
    return false;
  }
  if (!isScalar(shape)) {
    check(shape, v, at, errors);
    return false;
  }
  typeCheck(shape, v);
  return violations(shape, v).length > 0;
}

/** `Member must satisfy constraint: [max, min, pattern, enum]`: the order seen in every sample. */
function nested(subject: string, s: Shape): string {
  const unit = s.type === "string" ? "length" : "value";
  const all = [
    s.max === undefined ? "" : `Member must have ${unit} less than or equal to ${s.max}`,
    s.min === undefined ? "" : `Member must have ${unit} greater than or equal to ${s.min}`,
    s.pattern === undefined ? "" : `Member must satisfy regular expression pattern: ${s.pattern}`,
    s.enum === undefined ? "" : `Member must satisfy enum value set: [${s.enum.join(", ")}]`,
  ];
  return `${subject} must satisfy constraint: [${all.filter((p) => p !== "").join(", ")}]`;
}

/** The constraints of `shape` that `value` (already type-checked) breaks, as Coral phrases (§2.3). */
function violations(shape: Shape, value: unknown): string[] {
  const out: string[] = [];
  const { type, min, max } = shape;
  if (type === "timestamp" || type === "boolean" || type === "blob") return out;
  // Numbers are bounded by value; strings, lists and maps by length (characters, items, entries).
  const unit = typeof value === "number" ? "value" : "length";
  const size = typeof value === "number" ? value : typeof value === "string" || Array.isArray(value) ? value.length : Object.keys(value as Json).length;
  if (min !== undefined && size < min) out.push(`Member must have ${unit} greater than or equal to ${min}`);
  if (max !== undefined && size > max) out.push(`Member must have ${unit} less than or equal to ${max}`);
  if (typeof value === "string") {
    if (shape.pattern !== undefined && !javaRegExp(shape.pattern).test(value)) {
      out.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
    }
    if (shape.enum !== undefined && !shape.enum.includes(value)) {
      out.push(`Member must satisfy enum value set: [${shape.enum.join(", ")}]`);
    }
  }
  return out;
}

function violation(shown: string | null, path: string, phrase: string): string {
  return `Value ${shown === null ? "null" : `'${shown}'`} at '${path}' failed to satisfy constraint: ${phrase}`;
}

/** Java `toString()`: lists `[a, b]`, maps and structures `{k=v, k2=v2}`, floats `1.0`. */
function render(value: unknown, shape?: Shape): string {
  if (Array.isArray(value)) return `[${value.map((v) => render(v)).join(", ")}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${k}=${render(v)}`).join(", ")}}`;
  const floating = shape?.type === "float" || shape?.type === "double";
  return floating && Number.isInteger(value) ? (value as number).toFixed(1) : String(value);
}

const JAVA_TYPE: Readonly<Record<string, string>> = {
  string: "an String", integer: "an Integer", long: "an Long", float: "an Float", double: "an Double",
  boolean: "an Boolean", blob: "a Blob",
};
const JAVA_CLASS: Readonly<Record<string, string>> = {
  number: "com.amazon.coral.value.json.numbers.TruncatingBigNumber", string: "java.lang.String", boolean: "java.lang.Boolean",
};

function fail(message: string): never {
  throw new ServiceError("SerializationException", message);
}

/** Throws Coral's SerializationException when the JSON kind does not fit the shape (dynalite texts). */
function typeCheck(shape: Shape, value: unknown): void {
  const t = shape.type;
  if (Array.isArray(value)) {
    if (t !== "list") fail("Start of list found where not expected");
    return;
  }
  if (isObject(value)) {
    if (t !== "structure" && t !== "map") fail("Start of structure or map found where not expected.");
    return;
  }
  if (t === "list") fail("Expected list or null");
  if (t === "map") fail("Expected map or null");
  if (t === "structure") fail("Expected null");
  if (t === "timestamp") {
    // Epoch seconds (botocore, JS SDK) or a date string; same rule and text as store/timestamps.ts.
    const ok = typeof value === "number" || (typeof value === "string" && Number.isFinite(Date.parse(value)));
    if (!ok) fail(`Cannot parse '${String(value)}' as a timestamp.`);
    return;
  }
  const expected = t === "integer" || t === "long" || t === "float" || t === "double" ? "number" : t === "blob" ? "string" : t;
  if (typeof value !== expected) {
    if (t === "boolean" && typeof value === "string") fail(`'${value.toUpperCase()}' can not be converted to an Boolean`);
    fail(`class ${JAVA_CLASS[typeof value] ?? typeof value} can not be converted to ${JAVA_TYPE[t] ?? t}`);
  }
  // Coral's TruncatingBigNumber would truncate 1.5 to 1 (dynalite floors it); we reject it, and
  // values outside Java's int/long, so handlers only ever see integers. The text is [INF].
  const limit = t === "integer" ? 2 ** 31 : t === "long" ? 2 ** 63 : Infinity;
  const n = value as number;
  if (limit !== Infinity && !(Number.isInteger(n) && n >= -limit && n < limit)) fail(`'${n}' can not be converted to ${JAVA_TYPE[t]}`);
}
