import { extname, resolve } from "node:path";
import type { ImageCode } from "../containers/contract.js";
import { checkImages } from "../options.js";
import { ConfigError, defaultExport, importModule, MODULE_EXTENSIONS, type ModuleNamespace } from "./config-file.js";

/**
 * `sagerun-emulator serve --images FILE`: code for container images (`EmulatorOptions.images`)
 * from a JavaScript or TypeScript module, for users who cannot call `createEmulator` (boto3, the
 * AWS CLI, Airflow). The module exports the array of registrations as its default export, or as
 * `images`. Anything else (no such file, a module that throws, no array, a registration without
 * `image`) is a ConfigError: the CLI prints it and exits 2 before the server starts.
 *
 * @example
 * // images.mjs
 * export default [{ image: /my-trainer/, train(input, io) { io.writeModel("model.json", "{}"); } }];
 */
export async function loadImages(file: string): Promise<ImageCode[]> {
  const path = resolve(file);
  if (!MODULE_EXTENSIONS.has(extname(path).toLowerCase())) {
    throw new ConfigError(
      `${file}: an images file is a module (.js, .mjs, .cjs, .ts, .mts, .cts) that exports an array of image registrations, as default or as \`images\`.`,
    );
  }
  const images = imagesExport(await importModule(path, file), file);
  try {
    checkImages(images);
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw new ConfigError(`${file}: ${error.message}`);
    throw error;
  }
  return [...images];
}

/** The default export, else the export named `images` (a module tsx compiled to CommonJS holds it one level down). */
function imagesExport(module: ModuleNamespace, file: string): readonly ImageCode[] {
  const fallback = module.default as { readonly images?: unknown } | undefined;
  const value = defaultExport(module) ?? module.images ?? (typeof fallback === "object" ? fallback?.images : undefined);
  if (value === undefined) {
    throw new ConfigError(`${file}: the module exports no image registrations; export the array as default, or as \`images\`.`);
  }
  if (!Array.isArray(value)) {
    const got = value === null ? "null" : typeof value;
    throw new ConfigError(`${file}: the images must be an array of registrations ({ image, train?, process?, serve? }), got ${got}.`);
  }
  return value as readonly ImageCode[];
}
