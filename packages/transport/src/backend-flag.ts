/** Where SageMaker calls go: the real service, or the in-memory emulator. */
export type Backend = "aws" | "emulator";

/** The environment variable that picks the backend when no option does. */
export const BACKEND_ENV_VAR = "SAGERUN_BACKEND";

const BACKENDS: readonly Backend[] = ["aws", "emulator"];

/**
 * Picks the backend: the explicit option first, then `SAGERUN_BACKEND`, then `"aws"` (so code
 * that never mentions sagerun's flag talks to the real service). Anything else is a typo that
 * would silently send a test run to AWS, so it throws.
 *
 * sagerun reads every option word the same way, this one and the operators' `onExists` alike:
 * case and surrounding spaces do not matter (`"Emulator"`, `" aws "`), spelling does. Environment
 * variables and config files are typed by hand and an exact-case rule would only add failures;
 * the TypeScript types still suggest the lower-case form.
 *
 * @example
 * ```ts
 * resolveBackend(undefined, { SAGERUN_BACKEND: "Emulator" }); // "emulator"
 * resolveBackend("aws", { SAGERUN_BACKEND: "emulator" });     // "aws": the option wins
 * ```
 */
export function resolveBackend(option?: string, env: Readonly<Record<string, string | undefined>> = process.env): Backend {
  const fromEnv = env[BACKEND_ENV_VAR]?.trim();
  const raw = option ?? (fromEnv === "" ? undefined : fromEnv);
  if (raw === undefined) return "aws";
  const value = String(raw).trim().toLowerCase();
  if ((BACKENDS as readonly string[]).includes(value)) return value as Backend;
  const source = option !== undefined ? "the backend option" : `${BACKEND_ENV_VAR}`;
  throw new TypeError(`Unknown sagerun backend '${raw}' in ${source}. Please use one of: ${BACKENDS.join(", ")}.`);
}
