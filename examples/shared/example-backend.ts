import { createBackend, type CreateBackendOptions, type SagerunBackend } from "@sagerun/operators";
import { UsageError } from "./example-options.js";

/**
 * `createBackend()` with the examples' one difference: without `SAGERUN_BACKEND` they run on the
 * embedded emulator. A pipeline of your own should keep `createBackend()`'s default, AWS, so that
 * nothing meant for production ever runs offline by accident; an example is run to be tried.
 * `SAGERUN_BACKEND=aws` sends the same code to AWS, or to what `AWS_ENDPOINT_URL` points at.
 */
export async function createExampleBackend(
  env: Readonly<Record<string, string | undefined>>,
  options: Omit<CreateBackendOptions, "env"> = {},
): Promise<SagerunBackend> {
  const chosen = env.SAGERUN_BACKEND?.trim() ? env : { ...env, SAGERUN_BACKEND: "emulator" };
  try {
    return await createBackend({ ...options, env: chosen });
  } catch (error) {
    // A misspelt SAGERUN_BACKEND ("Unknown sagerun backend 'emulater' …") is the caller's to fix.
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
}

/** "the embedded emulator (virtual time)", or "AWS us-east-1 (endpoint http://127.0.0.1:4566)". */
export async function describeBackend(backend: SagerunBackend, env: Readonly<Record<string, string | undefined>>): Promise<string> {
  if (backend.emulator !== undefined) return "the embedded emulator (virtual time)";
  // The SDK reads the region from AWS_REGION or the profile; without one, its first call says so.
  const region = await backend.client.config.region().catch(() => "(no region set)");
  const endpoint = env.AWS_ENDPOINT_URL_SAGEMAKER ?? env.AWS_ENDPOINT_URL;
  return `AWS ${region}${endpoint ? ` (endpoint ${endpoint})` : ""}`;
}
