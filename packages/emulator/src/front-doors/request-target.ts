/**
 * The request target of an HTTP/1.1 request line (RFC 9112 §3.2): origin-form `/path?query`, as
 * clients send it, or absolute-form `http://host:port/path`, which a server must accept too
 * (§3.2.2) and which carries the host the client meant. Anything else (asterisk-form, a target
 * whose authority does not parse such as `http://[::1/` or `http://x:99999/`) is undefined, and
 * the server answers 400.
 */
export interface RequestTarget {
  /** The path, without query or fragment. `//` is a path like any other (empty segments are allowed). */
  readonly path: string;
  /** The hostname of an absolute-form target (no port; IPv6 without brackets). */
  readonly host?: string;
}

export function parseRequestTarget(target: string): RequestTarget | undefined {
  if (target.startsWith("/")) return { path: target.replace(/[?#].*$/s, "") };
  if (!/^https?:\/\//i.test(target)) return undefined;
  try {
    const url = new URL(target);
    return { path: url.pathname, host: url.hostname.replace(/^\[(.*)\]$/, "$1") };
  } catch {
    return undefined;
  }
}
