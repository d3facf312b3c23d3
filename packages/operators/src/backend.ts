import { SageMakerClient, type SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import { BACKEND_ENV_VAR, resolveBackend, systemClock, VirtualClock, type Backend, type Clock } from "@sagerun/transport";
import type { Emulator, EmulatorOptions } from "./emulator-types.js";
import { awsServiceConfig, checkConnectionOptions } from "./internal/aws-connection.js";
import { loadEmulator } from "./internal/load-emulator.js";
import { lazyServiceClients } from "./internal/service-clients.js";

/** Options of {@link createBackend}. */
export interface CreateBackendOptions {
  /**
   * Where SageMaker calls go. Beats the `SAGERUN_BACKEND` environment variable. Read like every
   * option word: case and surrounding spaces do not matter.
   * @default the value of SAGERUN_BACKEND, else "aws"
   */
  readonly backend?: Backend;
  /**
   * The AWS region of every client. On the emulator, the emulator's region unless `emulator.region`
   * says otherwise.
   * @default the SDK's: `AWS_REGION`, then the profile's `region`
   */
  readonly region?: string;
  /**
   * A profile of the shared AWS config and credentials files (`AWS_CONFIG_FILE`,
   * `AWS_SHARED_CREDENTIALS_FILE`; `~/.aws/config` and `~/.aws/credentials` by default): its
   * credentials, through `fromIni` of `@aws-sdk/credential-providers`, and its region. Not used
   * on the emulator (only checked), so the same pipeline code runs on both.
   * @default the SDK's default credential chain (environment, `AWS_PROFILE`, SSO, web identity, container or instance roles)
   */
  readonly profile?: string;
  /**
   * An IAM role every client assumes through STS `AssumeRole` (`fromTemporaryCredentials` of
   * `@aws-sdk/credential-providers`), signed with the `profile`'s credentials, else
   * `clientConfig.credentials`, else the default chain: Airflow's `role_arn` in an AWS connection's
   * extras. The role is assumed once for all the backend's clients, and again before it expires.
   * Not used on the emulator.
   */
  readonly roleArn?: string;
  /** The role session's name, shown in CloudTrail. Needs `roleArn`. @default "sagerun-<epoch ms>" */
  readonly roleSessionName?: string;
  /**
   * Per-service endpoint URLs on the AWS backend, e.g. VPC endpoints or `sagerun-emulator serve`
   * in another process. A service left out keeps the SDK's own resolution, which honours
   * `AWS_ENDPOINT_URL_<SERVICE>` (`_SAGEMAKER`, `_S3`, `_CLOUDWATCH_LOGS`, `_SAGEMAKER_RUNTIME`,
   * `_STS`) and `AWS_ENDPOINT_URL`. Not used on the emulator.
   */
  readonly endpoints?: ServiceEndpoints;
  /**
   * Passed to every client the backend builds, on either backend: the SageMaker client and the
   * S3, CloudWatch Logs and SageMaker Runtime ones (retries, logger, requestHandler…). `region`,
   * `profile`, `roleArn` and `endpoints` win over the same settings in it.
   */
  readonly clientConfig?: SageMakerClientConfig;
  /** Passed to `createEmulator` when the backend is the emulator. @default a fresh VirtualClock */
  readonly emulator?: EmulatorOptions;
  /** Where to read `SAGERUN_BACKEND` from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Endpoint URLs per service; see {@link CreateBackendOptions.endpoints}. */
export interface ServiceEndpoints {
  readonly sagemaker?: string | URL;
  readonly s3?: string | URL;
  /** CloudWatch Logs. */
  readonly logs?: string | URL;
  /** SageMaker Runtime (InvokeEndpoint). */
  readonly runtime?: string | URL;
  /** STS, where `roleArn` is assumed. */
  readonly sts?: string | URL;
}

/**
 * A client of the AWS SDK for JavaScript v3, as the backend hands out for S3, CloudWatch Logs and
 * SageMaker Runtime: the SDK's own `S3Client`, `CloudWatchLogsClient` or `SageMakerRuntimeClient`,
 * typed by what `send` takes and returns so that this package's types never name those optional
 * peers. `send(new GetObjectCommand(…))` is typed by the command; where the class itself is
 * needed, cast: `(await backend.s3()) as S3Client`.
 */
export interface AwsServiceClient {
  send<Output>(command: AwsCommand<Output>, options?: { readonly abortSignal?: AbortSignal }): Promise<Output>;
  /** Closes the client's sockets. */
  destroy(): void;
}

/** An SDK command, as far as its output type goes (the smithy `Command` handler's output). */
interface AwsCommand<Output> {
  readonly input: object;
  resolveMiddleware(stack: never, configuration: never, options: never): (args: never) => Promise<{ readonly output: Output }>;
}

/** A ready backend: a real `SageMakerClient` and the clock its jobs run on. */
export interface SagerunBackend {
  readonly backend: Backend;
  /** A real `SageMakerClient`; on the emulator its `requestHandler` is the emulator. */
  readonly client: SageMakerClient;
  /**
   * The S3 client of the same backend: AWS with the same region, credentials and (its own)
   * endpoint, or the emulator's S3. Built on the first call (later calls return it), which loads
   * the optional peer `@aws-sdk/client-s3` (`PackageNotInstalledError` when it is missing).
   */
  s3(): Promise<AwsServiceClient>;
  /** The CloudWatch Logs client of the same backend, as {@link SagerunBackend.s3}; needs `@aws-sdk/client-cloudwatch-logs`. */
  logs(): Promise<AwsServiceClient>;
  /** The SageMaker Runtime client (InvokeEndpoint) of the same backend, as {@link SagerunBackend.s3}; needs `@aws-sdk/client-sagemaker-runtime`. */
  runtime(): Promise<AwsServiceClient>;
  /**
   * The time the backend's jobs run on: `systemClock` for AWS, the emulator's virtual clock
   * otherwise. Every operator takes it next to the client, so waiting happens in the same time.
   */
  readonly clock: Clock;
  /** The emulator, when the backend is the emulator. */
  readonly emulator?: Emulator;
}

/**
 * What every operator is given: where its calls go and the clock it waits on, i.e. the `client`
 * and `clock` that {@link createBackend} returns. With a `SageMakerClient` of your own, pass
 * `clock: systemClock`.
 */
export type BackendOptions = Pick<SagerunBackend, "client" | "clock">;

/**
 * Builds the client and clock the operators run on. The choice comes from `options.backend`, then
 * the `SAGERUN_BACKEND` environment variable, then `"aws"`; an unknown value throws a `TypeError`
 * rather than silently sending a test run to AWS. The emulator is an optional peer dependency,
 * loaded with `import()` only when selected (`EmulatorNotInstalledError` if it is missing). Either
 * way the operators call the same `SageMakerClient`: only the wire underneath changes (decision
 * record 0001, "swap the wire, not the client").
 *
 * Every client a pipeline needs comes from the one backend, connected the same way: the SageMaker
 * `client`, and `s3()`, `logs()` and `runtime()` built when first asked for. On AWS they share the
 * `region`, the credentials (`profile`, `roleArn`) and `clientConfig`, each with its own endpoint
 * (`endpoints`, else `AWS_ENDPOINT_URL_<SERVICE>` / `AWS_ENDPOINT_URL`, so `SAGERUN_BACKEND=aws`
 * reaches `sagerun-emulator serve` in another process unchanged); on the emulator they are wired to
 * it in-process, and the connection options are checked but not used.
 *
 * @example
 * ```ts
 * // SAGERUN_BACKEND=emulator node pipeline.js → offline, on virtual time
 * const { client, clock, s3 } = await createBackend({ region: "eu-west-1", roleArn: "arn:aws:iam::123456789012:role/Pipeline" });
 * await (await s3()).send(new PutObjectCommand({ Bucket: "my-bucket", Key: "train/data.csv", Body: csv }));
 * await runTrainingJob(config, { client, clock });
 * ```
 */
export async function createBackend(options: CreateBackendOptions = {}): Promise<SagerunBackend> {
  const backend = resolveBackend(options.backend, options.env);
  if (backend === "aws") {
    const configOf = await awsServiceConfig(options, systemClock);
    const clients = lazyServiceClients((service, Client) => new Client(configOf(service)));
    return { backend, client: new SageMakerClient(configOf("sagemaker")), clock: systemClock, ...clients };
  }
  checkConnectionOptions(options);
  const source = options.backend !== undefined ? 'the option backend: "emulator"' : `${BACKEND_ENV_VAR}=emulator`;
  const { createEmulator } = await loadEmulator(source);
  const region = options.region === undefined ? {} : { region: options.region };
  const emulator = createEmulator({ clock: new VirtualClock(), ...region, ...options.emulator });
  const config = options.clientConfig ?? {};
  const clients = lazyServiceClients((service, Client) => {
    if (service === "s3") return emulator.s3Client(Client, config);
    if (service === "logs") return emulator.logsClient(Client, config);
    return emulator.runtimeClient(Client, config);
  });
  return { backend, client: emulator.client(options.clientConfig), clock: emulator.clock, emulator, ...clients };
}
