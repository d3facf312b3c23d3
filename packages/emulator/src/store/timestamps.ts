import { ServiceError } from "../errors.js";

/**
 * Request timestamps arrive as epoch seconds (an int, or a float with milliseconds: botocore
 * serialize.py `_timestamp_unixtimestamp`; the JS SDK sends numbers) or, from hand-written
 * clients, ISO-8601 strings. Returns epoch milliseconds.
 */
export function epochMsFromWire(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number" && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === "string") {
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  throw new ServiceError("SerializationException", `Cannot parse '${String(value)}' as a timestamp.`);
}
