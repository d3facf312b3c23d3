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
    let server: Server;
    try {
      server = code.serve!(files, model.environment ?? {});
    } catch (error) {
      throw asContainerError(error);
    }
    return {
      invoke(request) {
        try {
          return server.invoke(request);
        } catch (error) {
          throw asContainerError(error);
        }
      },
    };
  });
}

/**
 * What serving code threw, as the container's answer: a ContainerError as it is; anything else is
 * the code failing, which the container answers with a 500 carrying the exception's message
 * (aws/amazon-sagemaker-examples #1809: an inference.py exception came back as "Received server
 * error (500) from model with message \"local variable 'pred' referenced before assignment\""),
 * not a failure of the emulator.
 */
function asContainerError(error: unknown): ContainerError {
  if (error instanceof ContainerError) return error;
  return new ContainerError("AlgorithmError", error instanceof Error ? error.message : String(error), 500);
}
