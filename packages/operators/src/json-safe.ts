/**
 * What a value looks like after {@link toJsonSafe}: every `Date` becomes its ISO-8601 string,
 * recursively, so the type still tells you which fields exist.
 *
 * @example
 * ```ts
 * type Out = JsonSafe<{ CreationTime: Date; Tags?: { Key: string }[] }>;
 * //   ^? { CreationTime: string; Tags?: { Key: string }[] }
 * ```
 */
export type JsonSafe<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? JsonSafe<U>[]
    : T extends object
      ? { [K in keyof T]: JsonSafe<T[K]> }
      : T;

/**
 * A copy of `value` that survives `JSON.stringify`/`JSON.parse` unchanged: `Date`s become ISO-8601
 * strings, `undefined` members are dropped, arrays and plain objects are copied recursively.
 *
 * Why: Airflow's SageMaker operators pushed `datetime` objects into XCom and broke every DAG that
 * read them ("Object of type datetime is not JSON serializable", apache/airflow#16386); the later
 * fix (apache/airflow#23628) stores Python `repr` strings such as `datetime.datetime(2024, 1, 2, …)`,
 * not ISO dates.
 *
 * @example
 * ```ts
 * toJsonSafe({ CreationTime: new Date(0) }); // { CreationTime: "1970-01-01T00:00:00.000Z" }
 * ```
 */
export function toJsonSafe<T>(value: T): JsonSafe<T> {
  return convert(value) as JsonSafe<T>;
}

function convert(value: unknown): unknown {
  // Date#toJSON is what JSON.stringify itself calls: an invalid Date becomes null, never a throw.
  if (value instanceof Date) return value.toJSON();
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) out[key] = convert(member);
    }
    return out;
  }
  return value;
}
