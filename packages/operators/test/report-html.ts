/**
 * A tolerant reader of the report's HTML for tests: start tags with their attributes (entities
 * decoded), an element's inner markup up to its matching end tag, and its text. Enough for a page
 * whose every value is escaped; no dependency on a DOM.
 */
export interface Element {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** The markup between the start tag and its end tag ("" for a void or self-closed element). */
  readonly inner: string;
}

const START = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>/g;
const ATTR = /\s+([^\s=>/]+)(?:="([^"]*)")?/g;
const VOID = new Set(["meta", "br", "hr", "img", "input", "link", "path", "rect", "line"]);

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);
}

/** Every start tag in order, as elements. */
export function elements(html: string): Element[] {
  const found: Element[] = [];
  for (const m of html.matchAll(START)) {
    const tag = m[1]!.toLowerCase();
    const attrs: Record<string, string> = {};
    for (const a of m[2]!.matchAll(ATTR)) attrs[a[1]!] = decode(a[2] ?? "");
    const open = m.index + m[0].length;
    found.push({ tag, attrs, inner: m[3] === "/" || VOID.has(tag) ? "" : innerOf(html, tag, open) });
  }
  return found;
}

/** The markup from `open` up to the end tag matching a `tag` opened just before it. */
function innerOf(html: string, tag: string, open: number): string {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  re.lastIndex = open;
  let depth = 1;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    depth += m[1] === "/" ? -1 : m[0].endsWith("/>") ? 0 : 1;
    if (depth === 0) return html.slice(open, m.index);
  }
  return html.slice(open);
}

/** The elements with class `name` (among others). */
export function byClass(html: string, name: string): Element[] {
  return elements(html).filter((e) => (e.attrs.class ?? "").split(/\s+/).includes(name));
}

/** The element with this id. */
export function byId(html: string, id: string): Element | undefined {
  return elements(html).find((e) => e.attrs.id === id);
}

/** An element's text: its tags dropped, entities decoded. */
export function textOf(element: Element | undefined): string {
  return decode((element?.inner ?? "").replace(/<[^>]*>/g, ""));
}

/** The page's shape: each tag with its attribute names, in order; values and text left out. */
export function structure(html: string): string[] {
  return elements(html).map((e) => `${e.tag}[${Object.keys(e.attrs).join(",")}]`);
}
