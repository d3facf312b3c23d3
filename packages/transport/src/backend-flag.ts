/** Where SageMaker calls go: the real service, or the in-memory emulator. */
export type Backend = "aws" | "emulator";

/** The environment variable that picks the backend when no option does. */
export const BACKEND_ENV_VAR = "SAGERUN_BACKEND";

const BACKENDS: readonly Backend[] = ["aws", "emulator"];

/**
 * Picks the backend: the explicit option first, then `SAGERUN_BACKEND`, then `"aws"` (so code
 * that never mentions sagerun's flag talks to the real service). Anything else is a typo that
 * would silently send a test run to AWS, so it throws.
 */
export function resolveBackend(
  option?: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Backend {
  const fromEnv = env[BACKEND_ENV_VAR]?.trim();
  const raw = option ?? (fromEnv === "" ? undefined : fromEnv);
  if (raw === undefined) return "aws";
  const value = raw.toLowerCase();
  if ((BACKENDS as readonly string[]).includes(value)) return value as Backend;
  const source = option !== undefined ? "the backend option" : `${BACKEND_ENV_VAR}`;
  throw new TypeError(`Unknown sagerun backend '${raw}' in ${source}. Please use one of: ${BACKENDS.join(", ")}.`);
}
