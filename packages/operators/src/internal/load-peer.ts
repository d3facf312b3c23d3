import { PackageNotInstalledError } from "../errors/index.js";

/**
 * True when `err` is Node failing to find `packageName` itself. Node ESM says
 * ERR_MODULE_NOT_FOUND "Cannot find package '@aws-sdk/client-s3' imported from …", require()
 * MODULE_NOT_FOUND "Cannot find module '@aws-sdk/client-s3'". The name must be the one missing:
 * "Cannot find package 'msw' imported from …/@sagerun/emulator/…" is a broken install of a package
 * that is there, and is thrown as it is.
 */
export function isMissingPackage(err: unknown, packageName: string): boolean {
  if (typeof err !== "object" || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  const quoted = `'${packageName}'`;
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    (String(message).includes(`Cannot find package ${quoted}`) || String(message).includes(`Cannot find module ${quoted}`))
  );
}

/**
 * Runs `importer`, the dynamic `import()` of the optional peer `packageName`, so that the package
 * loads only when a caller needs it. A missing package becomes {@link PackageNotInstalledError},
 * saying what needed it (`neededFor`) and what to install; any other failure is thrown as it is.
 *
 * @example
 * ```ts
 * const { S3Client } = await loadPeer("@aws-sdk/client-s3", "the S3 client (backend.s3())", () => import("@aws-sdk/client-s3"));
 * ```
 */
export async function loadPeer<M>(packageName: string, neededFor: string, importer: () => Promise<M>): Promise<M> {
  try {
    return await importer();
  } catch (err) {
    if (isMissingPackage(err, packageName)) throw new PackageNotInstalledError({ packageName, neededFor, cause: err });
    throw err;
  }
}
