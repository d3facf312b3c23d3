import { SagerunError } from "./sagerun-error.js";

/**
 * An optional peer dependency that a call needs is not installed: `backend.s3()` needs
 * `@aws-sdk/client-s3`, `backend.logs()` `@aws-sdk/client-cloudwatch-logs`, `backend.runtime()`
 * `@aws-sdk/client-sagemaker-runtime`. Nothing else of the backend needs them.
 */
export class PackageNotInstalledError extends SagerunError {
  override readonly name = "PackageNotInstalledError";
  readonly code = "PackageNotInstalled" as const;
  /** The package to install, e.g. `"@aws-sdk/client-s3"`. */
  readonly packageName: string;

  constructor(options: { readonly packageName: string; readonly neededFor: string; readonly cause?: unknown }) {
    super(
      `Failed to create ${options.neededFor}: the package ${options.packageName} is not installed. Please install it ` +
        `next to @aws-sdk/client-sagemaker, in the same version (npm install ${options.packageName}).`,
      { cause: options.cause },
    );
    this.packageName = options.packageName;
  }
}
