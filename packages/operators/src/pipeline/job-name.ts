/**
 * Deterministic names for what a pipeline run creates. SageMaker Pipelines names its jobs
 * `pipelines-<execution id>-<step name>-<random>`; the random part is what sagerun leaves out, so
 * that running the same run id again finds the same jobs (and `onExists: "reattach"` waits for
 * them) instead of starting new ones.
 */

/** SageMaker job, model and endpoint names: `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}` (API reference, CreateTrainingJob). */
const MAX_NAME_LENGTH = 63;
const NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const HASH_LENGTH = 8;

/**
 * `parts` joined with `-`: as it is when SageMaker accepts it; otherwise with every run of other
 * characters turned into `-`, cut so that `-<hash of the parts>` fits in 63 characters. Two
 * different part lists never share a name unless their hashes collide (1 in 4 billion).
 *
 * @example
 * ```ts
 * deriveName(["nightly", "2026-01-01", "train"]); // "nightly-2026-01-01-train"
 * deriveName(["nightly", "manual__2026-01-01T00:00:00+00:00", "train"]); // "nightly-manual-2026-01-01T00-00-00-00-00-train-9028796f"
 * ```
 */
export function deriveName(parts: readonly string[]): string {
  const raw = parts.join("-");
  if (NAME_PATTERN.test(raw)) return raw;
  const readable = raw.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+/, "");
  const base = readable.slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1).replace(/-+$/, "");
  return `${base === "" ? "x" : base}-${fnv1a(parts.join("\u0000"))}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable short hash without a crypto dependency. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(HASH_LENGTH, "0");
}

/** A tag value is at most 256 characters (API reference, Tag). */
const MAX_TAG_VALUE_LENGTH = 256;

/**
 * The `sagerun:run-id` tag value of a step's jobs, `<pipeline>/<run id>/<step id>`, cut with a
 * hash when it is longer than a tag value may be.
 */
export function stepRunTag(pipelineName: string, runId: string, stepId: string): string {
  const value = `${pipelineName}/${runId}/${stepId}`;
  if (value.length <= MAX_TAG_VALUE_LENGTH) return value;
  return `${value.slice(0, MAX_TAG_VALUE_LENGTH - HASH_LENGTH - 1)}/${fnv1a(value)}`;
}
