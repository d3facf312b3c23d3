import { untarGzip } from "../data/tar.js";
import { parseS3Uri } from "../data/s3-uri.js";
import type { DataPlane } from "../emulator-context.js";
import { ContainerError, type Server } from "./contract.js";

/** The container a model runs: its image, where its artifacts are, and its environment. */
export interface ModelContainer {
  readonly image: string;
  readonly modelDataUrl?: string | undefined;
  readonly environment?: Readonly<Record<string, string>> | undefined;
}

/**
 * The serving code of `model`, loaded from its model.tar.gz as it is in S3 now (a container
 * downloads its artifacts when it starts). Undefined when no code serves the image; a
 * ContainerError when the artifacts cannot be read. Servers are kept per image and artifact
 * version, so invocations do not reload a model that has not changed.
 */
export function serverFor(data: DataPlane, model: ModelContainer): Server | undefined {
  const code = data.containers.codeFor(model.image);
  if (!code?.serve) return undefined;
  const location = model.modelDataUrl === undefined ? undefined : parseS3Uri(model.modelDataUrl);
  const object = location && data.s3.bucket(location.bucket)?.objects.get(location.key);
  if (model.modelDataUrl !== undefined && !object) {
    // [INF] the text: the real container fails to start; the emulator says why.
    throw new ContainerError("ClientError", `Failed to download model data from ${model.modelDataUrl}: no such object`);
  }
  const key = `${model.image}\n${model.modelDataUrl ?? ""}\n${JSON.stringify(model.environment ?? {})}`;
  return data.containers.serverFor(key, object?.etag ?? "", () => {
    let files: Map<string, Uint8Array>;
    try {
      files = object ? untarGzip(object.body) : new Map();
    } catch (error) {
      throw new ContainerError("ClientError", `Failed to extract model data from ${model.modelDataUrl}: ${(error as Error).message}`);
    }
    return code.serve!(files, model.environment ?? {});
  });
}
