/** Checks the hosting operators run on their arguments before anything is sent (internal). */

/** What a create operator does when the name is taken: see `HostingCreateOptions.onExists`. */
export type HostingExistsPolicy = "fail" | "reuse";

const EXISTS_POLICIES: readonly HostingExistsPolicy[] = ["fail", "reuse"];

/** Throws a `TypeError` unless `value` is a non-empty string: the resource's name member. */
export function checkName(member: string, value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${member} [${String(value)}] must be a non-empty string. Please name the resource.`);
  }
  return value;
}

/** A boolean option, or its default; anything else is a `TypeError`. */
export function checkFlag(option: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new TypeError(`Option ${option} [${String(value)}] must be a boolean. Please pass true or false.`);
  return value;
}

/**
 * Reads `onExists` like every sagerun option word (case and surrounding spaces do not matter).
 * @default "fail"
 */
export function resolveExistsPolicy(value: unknown): HostingExistsPolicy {
  if (value === undefined) return "fail";
  const word = typeof value === "string" ? value.trim().toLowerCase() : value;
  if ((EXISTS_POLICIES as readonly unknown[]).includes(word)) return word as HostingExistsPolicy;
  throw new TypeError(`Option onExists [${String(value)}] is not a policy for an existing resource. Please use one of: fail, reuse.`);
}
