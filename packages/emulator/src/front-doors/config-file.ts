import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { EmulatorOptions } from "../options.js";
import { faultsFromJson } from "../faults/json.js";
import { rulesFromJson } from "./rules-json.js";

/**
 * `sagerun-emulator serve --config FILE`: the emulator's options from a file, for users who cannot
 * call `createEmulator` (boto3, the AWS CLI, Airflow). JSON, or a JavaScript/TypeScript module
 * whose default export is the options. Patterns in rules may be RegExps in a module and
 * `{"regex", "flags"}` in either (rules-json.ts). The server owns the clock (`--time-scale`), so a
 * config has every option but `clock`; `--seed` wins over the file's `seed`.
 */
export type ConfigOptions = Omit<EmulatorOptions, "clock">;

/** A config file that cannot be used; the CLI prints the message and exits 2. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const JSON_EXTENSIONS = new Set([".json"]);
/** The files {@link importModule} loads. */
export const MODULE_EXTENSIONS: ReadonlySet<string> = new Set([".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"]);

export async function loadConfig(file: string): Promise<ConfigOptions> {
  const path = resolve(file);
  const extension = extname(path).toLowerCase();
  let value: unknown;
  if (JSON_EXTENSIONS.has(extension)) {
    value = parseJson(await readText(path, file), file);
  } else if (MODULE_EXTENSIONS.has(extension)) {
    value = await importDefault(path, file);
  } else {
    throw new ConfigError(
      `${file}: a config file is .json, or a module (.js, .mjs, .cjs, .ts, .mts, .cts) whose default export is the options.`,
    );
  }
  return configOptions(value, file);
}

/** The file's value as options: an object without `clock`, rules' JSON patterns made RegExps. */
function configOptions(value: unknown, file: string): ConfigOptions {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(
      `${file}: the options must be an object, got ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}.`,
    );
  }
  const options = { ...(value as Record<string, unknown>) };
  if ("clock" in options) {
    throw new ConfigError(`${file}: "clock" cannot be set in a config file; the server runs its own (see --time-scale).`);
  }
  if (options.rules !== undefined) {
    try {
      options.rules = rulesFromJson(options.rules);
    } catch (error) {
      throw new ConfigError(`${file}: ${(error as Error).message}`);
    }
  }
  // Faults' patterns likewise (faults/json.ts); the emulator checks the rest.
  if (options.faults !== undefined) {
    try {
      options.faults = faultsFromJson(options.faults);
    } catch (error) {
      throw new ConfigError(`${file}: ${(error as Error).message}`);
    }
  }
  return options as ConfigOptions;
}

async function readText(path: string, file: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new ConfigError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

/** The module's default export (see {@link importModule}). */
async function importDefault(path: string, file: string): Promise<unknown> {
  const value = defaultExport(await importModule(path, file));
  if (value === undefined) throw new ConfigError(`${file}: the module has no default export; export the options as default.`);
  return value;
}

/**
 * The module at `path` (absolute; `file` is how the user wrote it, for messages): its namespace.
 * Node runs .js and .mjs itself, and TypeScript when it can (under tsx, or a node that strips
 * types); otherwise tsx's `tsImport` loads it when tsx is installed. Any failure is a ConfigError.
 */
export async function importModule(path: string, file: string): Promise<ModuleNamespace> {
  const url = pathToFileURL(path).href;
  try {
    return (await import(url)) as ModuleNamespace;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" && (error as Error).message.includes(path)) throw new ConfigError(`${file}: no such file.`);
    if (code !== "ERR_UNKNOWN_FILE_EXTENSION") throw new ConfigError(`${file}: importing it failed: ${(error as Error).message}`);
    return importWithTsx(url, file);
  }
}

/** A module's exports by name; `default` is the default export. */
export type ModuleNamespace = { readonly default?: unknown } & Readonly<Record<string, unknown>>;

/**
 * A module namespace's default export. tsx's `tsImport` compiles a TypeScript file outside an ESM
 * package to CommonJS, and its `export default` then arrives one level down, flagged __esModule.
 */
export function defaultExport(module: { readonly default?: unknown }): unknown {
  const value = module.default;
  const compiled = typeof value === "object" && value !== null && (value as { __esModule?: unknown }).__esModule === true;
  return compiled ? (value as { default?: unknown }).default : value;
}

async function importWithTsx(url: string, file: string): Promise<ModuleNamespace> {
  // A variable specifier: tsx is optional, so neither the compiler nor the bundler should resolve it.
  const tsxApi = "tsx/esm/api";
  let tsImport: (specifier: string, parent: string) => Promise<ModuleNamespace>;
  try {
    ({ tsImport } = (await import(tsxApi)) as { tsImport: typeof tsImport });
  } catch {
    throw new ConfigError(
      `${file}: this node cannot load TypeScript on its own; install tsx (npm i -D tsx), or write the config as .json or .mjs.`,
    );
  }
  try {
    return await tsImport(url, url); // an absolute URL: the parent only has to be a URL
  } catch (error) {
    throw new ConfigError(`${file}: importing it failed: ${(error as Error).message}`);
  }
}
