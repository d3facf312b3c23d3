import { isIP } from "node:net";

/**
 * Which names the HTTP server answers to. Binding to loopback stops other machines, but not a web
 * page in the user's own browser: a DNS-rebinding page, whose own name (`attacker.example`) has
 * been re-pointed at 127.0.0.1, reaches a loopback server all the same, and its requests carry
 * that name in `Host`. So the server serves only requests addressed to a name of its own: the
 * rule Vite adopted for its dev server (`server.allowedHosts`,
 * https://vite.dev/config/server-options#server-allowedhosts, advisory GHSA-vg6x-rcgg-rjx6).
 *
 * Own names: `localhost` and its subdomains, any IP address (an address cannot be re-pointed, so
 * a page can only use one it really connects to), the name the server is bound to (`--host`), and
 * the names the user allows (`--allow-host`, e.g. a docker-compose service name). The port is not
 * checked: a port forward (`docker -p 8080:4566`) changes it, and the name is what a rebinding
 * page cannot choose.
 */
export interface OwnHosts {
  /** Whether `name` (a hostname without port; IPv6 with or without brackets) is one of the server's own. */
  has(name: string): boolean;
  /** The names besides localhost and IP addresses, for messages. */
  readonly names: readonly string[];
}

export function ownHosts(bindHost: string, allowed: readonly string[] = []): OwnHosts {
  const names = new Set([bindHost, ...allowed].map(normalise).filter((name) => name !== "" && isIP(name) === 0 && !isLocalhost(name)));
  return {
    has(name) {
      const host = normalise(name);
      return isIP(host) !== 0 || isLocalhost(host) || names.has(host);
    },
    names: [...names],
  };
}

/**
 * The hostname of a `Host` header value (`name`, `name:port`, `[v6]`, `[v6]:port`), lower-cased,
 * brackets and a trailing dot removed; undefined when it is not a host at all.
 */
export function hostnameOfHeader(value: string): string | undefined {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^\s:[\]/@?#]+))(?::\d{1,5})?$/.exec(value.trim());
  return match ? normalise((match[1] ?? match[2])!) : undefined;
}

/** The hostname of an `Origin` header value; undefined for `null` (sandboxed pages, files) or garbage. */
export function hostnameOfOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? normalise(url.hostname) : undefined;
  } catch {
    return undefined;
  }
}

function isLocalhost(name: string): boolean {
  return name === "localhost" || name.endsWith(".localhost");
}

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
}
