/**
 * HTML built by a tagged template that escapes every value it is given, so no step id, failure
 * reason or log line can become markup: only fragments made by `html` itself (or `raw`, for the
 * report's own constant CSS) go in as they are.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A value `html` accepts: text (escaped), a fragment, a list of them, or nothing. */
export type HtmlValue = Html | string | number | boolean | undefined | null | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for element content and for quoted attribute values alike. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === undefined || value === null || value === false) return "";
  return escapeHtml(String(value));
}

/** `html\`<td>${reason}</td>\``: the values escaped, fragments kept. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Trusted text taken as markup: only for the report's own constants. */
export function raw(text: string): Html {
  return new Html(text);
}

/** `text` cut to `max` characters with an ellipsis (before escaping, so no entity is cut). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
