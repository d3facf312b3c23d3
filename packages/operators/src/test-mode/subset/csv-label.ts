/**
 * The `column`-th field (from 0) of one CSV line (RFC 4180: comma-separated; a field in double
 * quotes may hold commas, and `""` inside it is one quote), unquoted; `undefined` when the line has
 * fewer fields. A quoted field never spans lines here: the sampler reads one line at a time.
 *
 * @example
 * ```ts
 * labelOf('1.5,"cat, black",x', 1); // "cat, black"
 * ```
 */
export function labelOf(line: string, column: number): string | undefined {
  let start = 0;
  for (let field = 0; field < column; field++) {
    const end = fieldEnd(line, start);
    if (end >= line.length) return undefined;
    start = end + 1;
  }
  const end = fieldEnd(line, start);
  const raw = line.slice(start, end);
  return raw.startsWith('"') ? raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined).replaceAll('""', '"') : raw;
}

/** The index of the comma that ends the field starting at `start`, or the line's length. */
function fieldEnd(line: string, start: number): number {
  if (line[start] !== '"') {
    const comma = line.indexOf(",", start);
    return comma === -1 ? line.length : comma;
  }
  let i = start + 1;
  for (;;) {
    const quote = line.indexOf('"', i);
    if (quote === -1) return line.length;
    if (line[quote + 1] === '"') {
      i = quote + 2;
      continue;
    }
    const comma = line.indexOf(",", quote + 1);
    return comma === -1 ? line.length : comma;
  }
}
