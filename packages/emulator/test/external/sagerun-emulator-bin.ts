import { fileURLToPath } from "node:url";

/** packages/emulator, where the bin resolves `@sagerun/emulator/cli` by the package's own name. */
export const PACKAGE_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The command line that runs bin/sagerun-emulator.js as the workspace does (`pnpm emulator`): node
 * with the source condition and tsx, so the bin loads src/cli.ts without a build.
 */
export function binCommand(args: readonly string[]): string[] {
  return [
    process.execPath,
    "--conditions=@sagerun/source",
    "--import",
    "tsx",
    fileURLToPath(new URL("../../bin/sagerun-emulator.js", import.meta.url)),
    ...args,
  ];
}
