/** A Content-Type or one Accept entry, split into its type and its parameters. */
export interface MediaType {
  /** `type/subtype`, lower-cased (media types are case-insensitive, RFC 9110 §8.3.1). */
  readonly type: string;
  /** Parameter names lower-cased; values unquoted, case kept. */
  readonly params: ReadonlyMap<string, string>;
}

/** Parses `text/csv; label_size=1` or `application/json; verbose=true`. */
export function parseMediaType(value: string): MediaType {
  const [head = "", ...rest] = value.split(";");
  const params = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const raw = part.slice(eq + 1).trim();
    params.set(name, raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw);
  }
  return { type: head.trim().toLowerCase(), params };
}
