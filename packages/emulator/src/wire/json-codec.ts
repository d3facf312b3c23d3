import { ServiceError } from "../errors.js";

/**
 * Bytes ↔ values for AWS JSON 1.1 bodies: a decoder that refuses nesting deeper than any SageMaker
 * request can have, and an encoder that writes timestamps as the service does. Both are loops,
 * never recursion, so no input can overflow the stack.
 */

/**
 * The deepest nesting of arrays and objects a request body may have. The deepest input shape in
 * botocore's SageMaker model (1.43.11, every operation) nests 10 levels (CreateAlgorithm); the one
 * recursive shape, Search's SearchExpression, is capped by the service at 20 nested elements
 * (API reference, SearchExpression). 64 refuses no request the model allows, and keeps every walker
 * behind the decoder (validation, the store, Describe, the state dump) far from the stack's limit:
 * a 100,000-deep array is refused here, before anything stores it.
 */
export const MAX_NESTING_DEPTH = 64;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The body as text; bytes are UTF-8, as AWS JSON 1.1 requires. */
export function bodyText(body: Uint8Array | string | undefined): string {
  return typeof body === "string" ? body : body ? decoder.decode(body) : "";
}

/**
 * Parses a JSON request body, refusing anything nested deeper than {@link MAX_NESTING_DEPTH} before
 * parsing it. Invalid JSON and too-deep JSON are SerializationException, as Coral answers a body it
 * cannot read (e.g. aws/aws-sdk-net#1536 for the family, mhart/kinesalite#101 for the text).
 */
export function decodeJson(text: string): unknown {
  if (nestingDepthExceeds(text, MAX_NESTING_DEPTH)) {
    throw new ServiceError(
      "SerializationException",
      `The request body nests arrays and objects deeper than ${MAX_NESTING_DEPTH} levels; no SageMaker request does.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceError("SerializationException", "Unable to parse the request body as JSON.");
  }
}

const OPEN_BRACKET = 0x5b; // [
const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACKET = 0x5d; // ]
const CLOSE_BRACE = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * True when `text`, read as JSON, opens more than `limit` arrays or objects at once. One pass
 * that skips strings with indexOf, so a long string value costs little; it does not validate the
 * JSON (JSON.parse does that next), it only keeps JSON.parse from building a deep structure.
 */
function nestingDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    } else if (c === QUOTE) {
      i = endOfString(text, i);
    }
  }
  return false;
}

/** The index of the quote that closes the string opened at `start` (the text's end if none). */
function endOfString(text: string, start: number): number {
  let at = start;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

/**
 * `payload` as UTF-8 JSON, with every Date as epoch seconds with fractional milliseconds
 * (`"CreationTime": 1529870369.986`): the default timestamp format of AWS JSON 1.1 (Smithy,
 * "aws.protocols#awsJson1_1": timestamps default to epoch-seconds). Dates are converted in one
 * pass over a copy, then JSON.stringify runs without a replacer: a replacer makes it about three
 * times slower, and a Date's own toJSON would write an ISO string.
 */
export function encodeJson(payload: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(withEpochSeconds(payload)));
}

/**
 * A copy of `value` with every Date replaced by epoch seconds. Iterative, and bounded by
 * `maxDepth` so a cyclic or absurdly deep value fails loudly instead of looping or overflowing.
 */
function withEpochSeconds(value: unknown, maxDepth = 10_000): unknown {
  if (!isContainer(value)) return leaf(value);
  const root = emptyLike(value);
  const stack: Array<[source: object, target: Record<string, unknown> | unknown[], depth: number]> = [[value, root, 1]];
  while (stack.length > 0) {
    const [source, target, depth] = stack.pop()!;
    if (depth > maxDepth) throw new RangeError(`encodeJson: the value nests deeper than ${maxDepth} levels (a cycle?).`);
    for (const key of Object.keys(source)) {
      const item = (source as Record<string, unknown>)[key];
      if (isContainer(item)) {
        const copy = emptyLike(item);
        (target as Record<string, unknown>)[key] = copy;
        stack.push([item, copy, depth + 1]);
      } else {
        (target as Record<string, unknown>)[key] = leaf(item);
      }
    }
  }
  return root;
}

/** Arrays and plain data objects; Dates and objects with their own toJSON are left to leaf(). */
function isContainer(value: unknown): value is object {
  return (
    typeof value === "object" && value !== null && !(value instanceof Date) && typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

/** A null-prototype object, so a member named `__proto__` stays a member instead of a prototype. */
function emptyLike(value: object): Record<string, unknown> | unknown[] {
  return Array.isArray(value) ? new Array<unknown>(value.length) : (Object.create(null) as Record<string, unknown>);
}

function leaf(value: unknown): unknown {
  return value instanceof Date ? value.getTime() / 1000 : value;
}
