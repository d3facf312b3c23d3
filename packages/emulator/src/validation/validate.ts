import { ServiceError } from "../errors.js";
import { MAX_NESTING_DEPTH } from "../wire/json-codec.js";
import { linearMatcher } from "./linear-regex.js";
import { type Shape, operations, shapes } from "./model.generated.js";

/**
 * Request validation the way Coral (the framework behind SageMaker's JSON API) does it, driven by
 * the botocore model in ./model.generated.ts, which holds every operation of the model:
 *
 * 1. Deserialisation: the members the model defines are read into a fresh copy; a JSON value of
 *    the wrong kind for its shape aborts the request with `SerializationException` (texts are
 *    Coral's, as reproduced from live DynamoDB, another Coral JSON service, by mhart/dynalite
 *    `validations/index.js` `checkTypes`). Members the model does not define are dropped, and a
 *    JSON `null` member counts as absent, so neither reaches a handler or the store.
 * 2. Constraints: every violation of required/length/range/pattern/enum is collected, in member
 *    declaration order, into ONE `ValidationException` (`1 validation error detected: Value 'x'
 *    at 'resourceConfig.instanceType' failed to satisfy constraint: Member must satisfy enum value
 *    set: [...]`, aws-samples/aws-sagemaker-heart-disease-prediction#1).
 *
 * Both walks are loops over an explicit stack, never recursion, and the copy is at most
 * MAX_NESTING_DEPTH deep (the wire decoder's limit, also enforced here for in-process callers),
 * so no input can overflow the stack or make a path or a message grow with its depth.
 */

/** True for every operation of the SageMaker model, implemented by the emulator or not. */
export function isModelOperation(name: string): boolean {
  return Object.hasOwn(operations, name);
}

/** Every operation of the SageMaker model (botocore's), sorted. */
export function modelOperations(): readonly string[] {
  return Object.keys(operations);
}

/**
 * Validates a parsed AWS JSON 1.1 request body for `operation` and returns a cleaned deep copy:
 * only the members the model defines, at every depth, without JSON nulls; maps are
 * null-prototype objects, so a user's key such as `__proto__` is kept as data. Throws
 * `ServiceError` with code `SerializationException` or `ValidationException`. A body that is not
 * a JSON object is a `SerializationException` for every operation; for a name that is no
 * operation of the model, the model defines no members, so the copy is `{}`.
 *
 * @example validateInput("DescribeTrainingJob", { TrainingJobName: "my-job", Extra: 1 }) // { TrainingJobName: "my-job" }
 */
export function validateInput(operation: string, input: unknown): Record<string, unknown> {
  if (input === null || input === undefined) {
    throw new ServiceError("SerializationException", "Expected a JSON object as the request body"); // [INF]
  }
  const shapeName = isModelOperation(operation) ? operations[operation] : undefined;
  const shape = shapeName === undefined ? NO_MEMBERS : shapeOf(shapeName);
  const copy = deserialise(shape, input);
  const found = constraintViolations(shape, copy);
  if (found.count > 0) {
    const noun = found.count === 1 ? "error" : "errors";
    const listed = found.listed.map(describe).join("; ");
    throw new ServiceError("ValidationException", `${found.count} validation ${noun} detected: ${listed}`);
  }
  return copy;
}

const NO_MEMBERS: Shape = { type: "structure" };

function shapeOf(name: string): Shape {
  const shape = Object.hasOwn(shapes, name) ? shapes[name] : undefined;
  if (shape === undefined) throw new Error(`model.generated.ts has no shape ${name}; regenerate it`);
  return shape;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (s: Shape): boolean => s.type !== "structure" && s.type !== "list" && s.type !== "map";

// ---------------------------------------------------------------------------------------------
// 1. Deserialisation into a cleaned copy.

/** One value still to copy: it goes to `into[key]`. */
interface Slot {
  readonly shape: Shape;
  readonly value: unknown;
  readonly into: Record<string | number, unknown>;
  readonly key: string | number;
  /** Nesting of arrays and objects, counted as the wire decoder counts it (the body is 1). */
  readonly depth: number;
}

/**
 * Copies what the model defines, type-checking each value as it goes (the first value of a wrong
 * kind, in the body's order, aborts: Coral fails while it reads). Structure members keep the
 * body's order. A null list element or map value is kept for `constraintViolations` to report
 * (`Member must not be null`); such a copy is never returned.
 */
function deserialise(root: Shape, input: unknown): Json {
  const holder: Record<string | number, unknown> = {};
  const stack: Slot[] = [{ shape: root, value: input, into: holder, key: "body", depth: 1 }];
  for (let slot = stack.pop(); slot !== undefined; slot = stack.pop()) {
    const { shape, value, into, key, depth } = slot;
    typeCheck(shape, value);
    if (isScalar(shape)) {
      into[key] = value;
      continue;
    }
    if (depth > MAX_NESTING_DEPTH) {
      // The wire decoder's rule and text (wire/json-codec.ts), for callers that skip the wire.
      fail(`The request body nests arrays and objects deeper than ${MAX_NESTING_DEPTH} levels; no SageMaker request does.`);
    }
    const children: Slot[] = [];
    if (shape.type === "structure") {
      const out: Json = {};
      into[key] = out;
      const members = shape.members ?? {};
      const object = value as Json;
      for (const name of Object.keys(object)) {
        const v = object[name];
        if (!Object.hasOwn(members, name) || v === null || v === undefined) continue;
        children.push({ shape: shapeOf(members[name]!), value: v, into: out, key: name, depth: depth + 1 });
      }
    } else if (shape.type === "list") {
      const list = value as unknown[];
      const out: unknown[] = new Array(list.length).fill(null);
      into[key] = out;
      const item = shapeOf(shape.member ?? "");
      for (let i = 0; i < list.length; i++) {
        const v = list[i];
        if (v !== null && v !== undefined) children.push({ shape: item, value: v, into: out as unknown as Json, key: i, depth: depth + 1 });
      }
    } else {
      // A map's keys are the user's strings: a null-prototype object keeps `__proto__`,
      // `constructor` and the like as plain entries.
      const out = Object.create(null) as Json;
      into[key] = out;
      const map = value as Json;
      const val = shapeOf(shape.value ?? "");
      for (const k of Object.keys(map)) {
        const v = map[k];
        out[k] = null; // holds the key's place (order); replaced below unless the value is null
        if (v !== null && v !== undefined) children.push({ shape: val, value: v, into: out, key: k, depth: depth + 1 });
      }
    }
    // Last pushed is first popped: push in reverse so values are read in the body's order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return holder.body as Json;
}

// ---------------------------------------------------------------------------------------------
// 2. Constraints, on the cleaned copy.

/** A member path, built only when a violation is shown: `productionVariants.1.member.modelName`. */
interface Path {
  readonly up: Path | undefined;
  readonly segment: string;
}

/** One violation; its text (which renders the value) is built only if it is listed. */
interface Violation {
  /** `undefined` for `Value null`. */
  readonly value?: unknown;
  readonly shape?: string;
  readonly path: Path | undefined;
  readonly phrase: string;
}

type Task = { readonly shape: string; readonly value: unknown; readonly path: Path | undefined } | { readonly violation: Violation };

/**
 * At most this many violations are spelled out in the message; the count still counts them all.
 * [INF] No public sample shows Coral's behaviour past a few dozen violations; without a bound, a
 * 16 MiB body of `{}` tags (two violations each) would make a message of hundreds of megabytes.
 */
const MAX_LISTED = 100;

/**
 * Coral tests a value's pattern even when the value broke its length limit (both violations for
 * one member in aws-samples/sagemaker-ml-workflow-with-apache-airflow#3). We do too, but only
 * while the value is at most this many characters over its limit: what a pattern costs then
 * depends on the model's limits, never on how long a value the body carries (a 64,000-character
 * S3OutputPath, tested against S3Uri's pattern, blocked the emulator for seconds before the
 * matcher became linear).
 */
export const PATTERN_SLACK = 1024;

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/** `TrainingJobName` → `trainingJobName`, `S3Uri` → `s3Uri`: only the first character (Coral). */
const memberPath = (up: Path | undefined, name: string): Path => ({ up, segment: lowerFirst(name) });

/** Collection elements are `<collection>.<1-based index or map key>.member` (aws/amazon-sagemaker-examples#2236). */
const elementPath = (up: Path | undefined, at: string | number): Path => ({ up, segment: `${at}.member` });

function pathText(path: Path | undefined): string {
  const segments: string[] = [];
  for (let p = path; p !== undefined; p = p.up) segments.push(p.segment);
  return segments.reverse().join(".");
}

function constraintViolations(root: Shape, copy: Json): { count: number; listed: Violation[] } {
  const listed: Violation[] = [];
  let count = 0;
  const report = (violation: Violation): void => {
    count++;
    if (listed.length < MAX_LISTED) listed.push(violation);
  };
  // The root structure is walked like any other; its shape object stands in for its name.
  const stack: Task[] = [];
  const visitStructure = (shape: Shape, object: Json, path: Path | undefined, tasks: Task[]): void => {
    const members = shape.members ?? {};
    for (const name of Object.keys(members)) {
      const v = object[name];
      if (v !== undefined) tasks.push({ shape: members[name]!, value: v, path: memberPath(path, name) });
      else if (shape.required?.includes(name))
        tasks.push({ violation: { path: memberPath(path, name), phrase: "Member must not be null" } });
    }
  };
  const rootTasks: Task[] = [];
  visitStructure(root, copy, undefined, rootTasks);
  for (let i = rootTasks.length - 1; i >= 0; i--) stack.push(rootTasks[i]!);

  for (let task = stack.pop(); task !== undefined; task = stack.pop()) {
    if ("violation" in task) {
      report(task.violation);
      continue;
    }
    const { shape: name, value, path } = task;
    const shape = shapeOf(name);
    const tasks: Task[] = [];
    if (shape.type === "structure") {
      visitStructure(shape, value as Json, path, tasks);
    } else {
      for (const phrase of violations(shape, value)) report({ value, shape: name, path, phrase });
      if (shape.type === "list") {
        const item = shapeOf(shape.member ?? "");
        let bad = false;
        (value as unknown[]).forEach((v, i) => {
          bad = element(shape.member ?? "", item, v, elementPath(path, i + 1), tasks) || bad;
        });
        if (bad) tasks.push({ violation: { value, shape: name, path, phrase: nested("Member", item) } });
      } else if (shape.type === "map") {
        // Keys before values, each reported once per map however many entries break it
        // (mhart/dynalite checkValidations; awslabs/aws-service-catalog-factory#279).
        const map = value as Json;
        const [key, val] = [shapeOf(shape.key ?? ""), shapeOf(shape.value ?? "")];
        if (Object.keys(map).some((k) => violations(key, k).length > 0)) {
          report({ value, shape: name, path, phrase: nested("Map keys", key) });
        }
        let bad = false;
        for (const k of Object.keys(map)) bad = element(shape.value ?? "", val, map[k], elementPath(path, k), tasks) || bad;
        if (bad) tasks.push({ violation: { value, shape: name, path, phrase: nested("Map value", val) } });
      }
    }
    for (let i = tasks.length - 1; i >= 0; i--) stack.push(tasks[i]!);
  }
  return { count, listed };
}

/**
 * One list element or map value. A structure or collection is queued to be walked at `at`; for
 * a scalar this only says whether it breaks a constraint, because Coral reports those once for
 * the whole collection, in a nested form that lists every constraint of the element shape, e.g.
 * Lambda's `Value '[POST, OPTIONS, GET]' at 'cors.allowMethods' failed to satisfy constraint:
 * Member must satisfy constraint: [Member must have length less than or equal to 6, Member must
 * have length greater than or equal to 0, Member must satisfy regular expression pattern: .*, …]`
 * and awslabs/aws-service-catalog-factory#279 (`Map value must satisfy constraint: [Member must
 * have length less than or equal to 1000, Member must have length greater than or equal to 1]`).
 */
function element(name: string, shape: Shape, v: unknown, at: Path, tasks: Task[]): boolean {
  if (v === null) {
    tasks.push({ violation: { path: at, phrase: "Member must not be null" } }); // [INF]: keeps nulls out of handlers
    return false;
  }
  if (!isScalar(shape)) {
    tasks.push({ shape: name, value: v, path: at });
    return false;
  }
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

/** The constraints of `shape` that `value` (already type-checked) breaks, as Coral phrases them. */
function violations(shape: Shape, value: unknown): string[] {
  const out: string[] = [];
  const { type, min, max } = shape;
  if (type === "timestamp" || type === "boolean" || type === "blob") return out;
  // Numbers are bounded by value; strings, lists and maps by length (characters, items, entries).
  const unit = typeof value === "number" ? "value" : "length";
  const size =
    typeof value === "number"
      ? value
      : typeof value === "string" || Array.isArray(value)
        ? value.length
        : Object.keys(value as Json).length;
  if (min !== undefined && size < min) out.push(`Member must have ${unit} greater than or equal to ${min}`);
  if (max !== undefined && size > max) out.push(`Member must have ${unit} less than or equal to ${max}`);
  if (typeof value === "string") {
    const testable = max === undefined || value.length <= max + PATTERN_SLACK;
    if (shape.pattern !== undefined && testable && !linearMatcher(shape.pattern).test(value)) {
      out.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
    }
    if (shape.enum !== undefined && !shape.enum.includes(value)) {
      out.push(`Member must satisfy enum value set: [${shape.enum.join(", ")}]`);
    }
  }
  return out;
}

function describe(v: Violation): string {
  const shown = v.shape === undefined ? "null" : `'${render(v.value, v.shape, v.path)}'`;
  return `Value ${shown} at '${pathText(v.path)}' failed to satisfy constraint: ${v.phrase}`;
}

/**
 * [INF] The package of Coral's generated classes for SageMaker, by analogy with the ones live
 * messages show for DynamoDB (`com.amazonaws.dynamodb.v20120810.KeySchemaElement@ad28eb1d`) and
 * Firehose (`com.amazonaws.firehose.v20150804.Record@a0693bc6`, boto/boto3#1156).
 */
const JAVA_PACKAGE = "com.amazonaws.sagemaker.v20170724";

/**
 * The value as Coral prints it: Java's `toString()` of what it deserialised. Lists are `[a, b]`,
 * maps `{k=v, k2=v2}`, floats `1.0`, blobs `java.nio.HeapByteBuffer[pos=0 lim=N cap=N]`, and a
 * structure is its class name and identity hash, `com.amazonaws.…Record@a0693bc6` (boto/boto3#1156,
 * and the Kinesis/Firehose messages in osquery/osquery#3568): its members are never printed. So
 * rendering descends only through lists and maps, which the model nests a few levels at most,
 * and never through a structure; it is a loop all the same. The hash, random in Java, is here a
 * hash of the member path, so a message is the same every time.
 */
function render(value: unknown, shape: string, path: Path | undefined): string {
  let out = "";
  const stack: ({ readonly value: unknown; readonly shape: string; readonly path: Path | undefined } | string)[] = [{ value, shape, path }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item === "string") {
      out += item;
      continue;
    }
    const s = shapeOf(item.shape);
    const v = item.value;
    if (v === null || v === undefined) out += "null";
    else if (s.type === "structure") out += `${JAVA_PACKAGE}.${item.shape}@${identityHash(pathText(item.path))}`;
    else if (s.type === "list" || s.type === "map") {
      const entries: [string | undefined, unknown, Path][] = Array.isArray(v)
        ? v.map((e, i) => [undefined, e, elementPath(item.path, i + 1)])
        : Object.keys(v as Json).map((k) => [k, (v as Json)[k], elementPath(item.path, k)]);
      const inner = (Array.isArray(v) ? s.member : s.value) ?? "";
      const [open, close] = Array.isArray(v) ? ["[", "]"] : ["{", "}"];
      stack.push(close);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, e, p] = entries[i]!;
        stack.push({ value: e, shape: inner, path: p });
        if (k !== undefined) stack.push(`${k}=`);
        if (i > 0) stack.push(", ");
      }
      stack.push(open);
    } else if (s.type === "blob") {
      const bytes = Buffer.byteLength(String(v), "base64");
      out += `java.nio.HeapByteBuffer[pos=0 lim=${bytes} cap=${bytes}]`;
    } else if ((s.type === "float" || s.type === "double") && Number.isInteger(v)) out += (v as number).toFixed(1);
    else out += String(v);
  }
  return out;
}

/** FNV-1a, printed as Java prints a hash code: lower-case hex without leading zeros. */
function identityHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

const JAVA_TYPE: Readonly<Record<string, string>> = {
  string: "an String",
  integer: "an Integer",
  long: "an Long",
  float: "an Float",
  double: "an Double",
  boolean: "an Boolean",
  blob: "a Blob",
};
const JAVA_CLASS: Readonly<Record<string, string>> = {
  number: "com.amazon.coral.value.json.numbers.TruncatingBigNumber",
  string: "java.lang.String",
  boolean: "java.lang.Boolean",
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
