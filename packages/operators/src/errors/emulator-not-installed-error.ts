import { SagerunError } from "./sagerun-error.js";

/** `backend: "emulator"` was asked for but `@sagerun/emulator` cannot be loaded. */
export class EmulatorNotInstalledError extends SagerunError {
  override readonly name = "EmulatorNotInstalledError";
  readonly code = "EmulatorNotInstalled" as const;

  constructor(options: { readonly source: string; readonly cause?: unknown }) {
    super(
      `Failed to start the sagerun emulator (selected by ${options.source}): the package @sagerun/emulator is not ` +
        "installed. Please install it (npm install --save-dev @sagerun/emulator), or select the aws backend.",
      { cause: options.cause },
    );
  }
}
