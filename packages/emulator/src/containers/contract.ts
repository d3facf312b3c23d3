/**
 * What runs inside an emulated SageMaker container, built-in algorithm or user code: the same
 * contract SageMaker gives a container (hyperparameters, input channels, environment, a model
 * directory and an output directory to fill, log lines and metrics), in memory.
 *
 * Training code is given a {@link TrainingInput} and a {@link TrainingIO}; serving code is loaded
 * from the files a training job put in its model directory and answers one request at a time,
 * for InvokeEndpoint and for each mini-batch of a batch transform job.
 */

/** One object of an input channel, as the container sees it. */
export interface InputFile {
  /** The object's key relative to the channel's S3 prefix (SageMaker's path under `/opt/ml/input/data/<channel>`). */
  readonly path: string;
  readonly body: Uint8Array;
}

/** One input channel (training) or input (processing). */
export interface Channel {
  readonly files: readonly InputFile[];
  /** The channel's ContentType, as the request gave it (`text/csv`, `text/csv;label_size=1`). */
  readonly contentType?: string | undefined;
}

/** What a training container is started with. */
export interface TrainingInput {
  /** HyperParameters as the request gave them: strings, exactly as SageMaker passes them. */
  readonly hyperParameters: Readonly<Record<string, string>>;
  readonly channels: Readonly<Record<string, Channel>>;
  readonly environment: Readonly<Record<string, string>>;
  /** A seed fixed per job, for algorithms that draw random numbers (shuffles, initial weights, sampling). */
  readonly seed: number;
}

/** What a training container may do to the world while it runs. */
export interface TrainingIO {
  /** A line the container prints; it goes to the job's CloudWatch Logs stream. */
  log(line: string): void;
  /** Reports a metric value (FinalMetricDataList keeps the last value of each name). */
  metric(name: string, value: number): void;
  /** Writes a file into the model directory (`/opt/ml/model`), which becomes model.tar.gz. */
  writeModel(path: string, body: Uint8Array | string): void;
  /** Writes a file into the output data directory (`/opt/ml/output/data`), which becomes output.tar.gz. */
  writeOutput(path: string, body: Uint8Array | string): void;
  /**
   * How long the run takes on the virtual clock, in seconds: the Training phase lasts that long
   * instead of the planned duration (so a run longer than MaxRuntimeInSeconds is stopped by it).
   */
  took(seconds: number): void;
  /** Aborted when the job is stopped or its runtime limit is reached while the code runs. */
  readonly signal: AbortSignal;
}

/** What a processing container is started with. */
export interface ProcessingInput {
  /** Each ProcessingInput's objects, by InputName. */
  readonly inputs: Readonly<Record<string, Channel>>;
  /** AppSpecification.ContainerArguments. */
  readonly arguments: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  readonly seed: number;
}

/** What a processing container may do while it runs. */
export interface ProcessingIO {
  log(line: string): void;
  /** Writes a file under the LocalPath of the output named `outputName`; it is uploaded to that output's S3Uri. */
  writeOutput(outputName: string, path: string, body: Uint8Array | string): void;
  /** How long the run takes on the virtual clock, in seconds (see TrainingIO.took). */
  took(seconds: number): void;
  readonly signal: AbortSignal;
}

/** A request to serving code: an InvokeEndpoint body, or one mini-batch of a batch transform job. */
export interface InvocationRequest {
  readonly body: Uint8Array;
  /** The request's Content-Type (`text/csv`, `application/json`, `application/jsonlines`). */
  readonly contentType: string;
  /** The Accept the caller asked for, parameters included (`application/json; verbose=true`), or undefined. */
  readonly accept?: string | undefined;
}

export interface InvocationResponse {
  readonly body: Uint8Array | string;
  readonly contentType: string;
}

/** Serving code loaded with a model: answers requests one at a time. */
export interface Server {
  invoke(request: InvocationRequest): InvocationResponse;
}

/** The files of a model directory, by path (`model.json`), as untarred from model.tar.gz. */
export type ModelFiles = ReadonlyMap<string, Uint8Array>;

/**
 * A failure the container reports, classified as SageMaker classifies FailureReasons:
 * `ClientError` for bad input (hyperparameters, data), `AlgorithmError` for the code failing.
 * For serving code, `statusCode` is the status the container answered with (ModelError's
 * OriginalStatusCode; 400 unless said otherwise).
 */
export class ContainerError extends Error {
  constructor(
    readonly category: "ClientError" | "AlgorithmError",
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = "ContainerError";
  }

  /** The FailureReason a job shows: `ClientError: feature_dim 3 does not match …`. */
  get failureReason(): string {
    return `${this.category}: ${this.message}`;
  }
}

/**
 * Code registered for a container image (`EmulatorOptions.images`, or `sagerun-emulator serve
 * --images FILE`): what the emulator runs for training jobs, processing jobs and models whose
 * image matches. Each part is optional; a job whose image has no code for its kind plays its
 * lifecycle without computing. The functions are synchronous: they run at one virtual instant.
 */
export interface ImageCode {
  /** The image URI, exactly, or a pattern tested against it. */
  readonly image: string | RegExp;
  train?(input: TrainingInput, io: TrainingIO): void;
  process?(input: ProcessingInput, io: ProcessingIO): void;
  /** Loads serving code for a model whose model.tar.gz held `files`. */
  serve?(files: ModelFiles, environment: Readonly<Record<string, string>>): Server;
}

/** A built-in algorithm: how it trains, and how its model serves. */
export interface Algorithm {
  /** Its name in log lines and docs: `k-NN`, `linear-learner`. */
  readonly name: string;
  /** Trains on `input`, writing the model through `io`; throws ContainerError("ClientError", …) for bad hyperparameters or data. */
  train(input: TrainingInput, io: TrainingIO): void;
  /** Loads a model written by `train`; throws ContainerError if the files are not such a model. */
  load(files: ModelFiles): Server;
}
