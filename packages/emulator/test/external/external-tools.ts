import { execFile, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * The external clients these tests drive, found on PATH. A missing one SKIPS its tests with the
 * reason printed (never a silent pass): run `pip install boto3 awscli` to enable them.
 */
export interface Tool {
  readonly available: boolean;
  /** Why the tool's tests are skipped; empty when available. */
  readonly reason: string;
}

function probe(label: string, command: string, args: string[]): Tool {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 15_000 });
  if (result.status === 0) return { available: true, reason: "" };
  const reason = `${label} is not available (${command} ${args.join(" ")}: ${result.error?.message ?? result.stderr.trim().split("\n").at(-1)})`;
  console.warn(`[sagerun external tests] SKIPPED: ${reason}`);
  return { available: false, reason };
}

/** python3 with boto3 importable. Probed when called, so a file checks only the tool it drives. */
export const probeBoto3 = (): Tool => probe("python3 with boto3", "python3", ["-c", "import boto3"]);
/** The `aws` command. */
export const probeAwsCli = (): Tool => probe("the AWS CLI", "aws", ["--version"]);

/** Dummy credentials and no user config: nothing from the developer's ~/.aws leaks in. */
export function clientEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("AWS_")) env[key] = value;
  }
  return {
    ...env,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_EC2_METADATA_DISABLED: "true",
    ...extra,
  };
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a client process WITHOUT blocking the event loop: the emulator's HTTP server lives in this
 * same process and must keep answering while the client waits on it (spawnSync would deadlock).
 */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 25_000, encoding: "utf8", ...(cwd ? { cwd } : {}) }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export const scriptPath = (name: string): string => fileURLToPath(new URL(`./scripts/${name}`, import.meta.url));
