import { builtInAlgorithmFor } from "../algorithms/index.js";
import type { ImageCode, ModelFiles, Server, TrainingInput, TrainingIO, ProcessingInput, ProcessingIO } from "./contract.js";

/** The code for one image, whichever registered it: the part for each job kind, if any. */
export interface ContainerCode {
  /** How the image is named in log lines: the algorithm's name or the image URI. */
  readonly name: string;
  readonly train?: ((input: TrainingInput, io: TrainingIO) => void) | undefined;
  readonly process?: ((input: ProcessingInput, io: ProcessingIO) => void) | undefined;
  readonly serve?: ((files: ModelFiles, environment: Readonly<Record<string, string>>) => Server) | undefined;
}

/**
 * Which code runs for an image: code the user registered for it first (so a user can stand in
 * for a built-in), else the built-in algorithm its repository name names (`…/knn:1`).
 */
export class ContainerRegistry {
  readonly #registered: readonly ImageCode[];
  /** Serving code loaded per model container, with the artifact version (ETag) it was loaded from. */
  readonly #servers = new Map<string, { readonly version: string; readonly server: Server }>();

  constructor(registered: readonly ImageCode[] = []) {
    this.#registered = registered;
  }

  codeFor(image: string | undefined): ContainerCode | undefined {
    if (image === undefined) return undefined;
    const own = this.#registered.find((code) => (typeof code.image === "string" ? code.image === image : matches(code.image, image)));
    if (own) {
      return {
        name: image,
        train: own.train?.bind(own),
        process: own.process?.bind(own),
        serve: own.serve?.bind(own),
      };
    }
    const algorithm = builtInAlgorithmFor(image);
    if (!algorithm) return undefined;
    return { name: algorithm.name, train: (input, io) => algorithm.train(input, io), serve: (files) => algorithm.load(files) };
  }

  /** A server loaded for `key` from artifacts at `version`, reused until the artifacts change. */
  serverFor(key: string, version: string, load: () => Server): Server {
    const held = this.#servers.get(key);
    if (held && held.version === version) return held.server;
    const server = load();
    this.#servers.set(key, { version, server });
    return server;
  }
}

/** A pattern test that a global or sticky RegExp's lastIndex cannot make flaky. */
function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}
