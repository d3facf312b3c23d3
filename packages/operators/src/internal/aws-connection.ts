import type { SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import type { Clock } from "@sagerun/transport";

/** The services a backend builds clients for, and STS, which `roleArn` is assumed through. */
const ENDPOINT_SERVICES = ["sagemaker", "s3", "logs", "runtime", "sts"] as const;

export type EndpointService = (typeof ENDPOINT_SERVICES)[number];

/** How the AWS backend reaches AWS: `createBackend`'s connection options. */
export interface ConnectionOptions {
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  readonly roleArn?: string | undefined;
  readonly roleSessionName?: string | undefined;
  readonly endpoints?: Readonly<Partial<Record<EndpointService, string | URL>>> | undefined;
  readonly clientConfig?: SageMakerClientConfig | undefined;
}

type Credentials = NonNullable<SageMakerClientConfig["credentials"]>;
type CredentialProvider = Extract<Credentials, (...args: never[]) => unknown>;
type Identity = Awaited<ReturnType<CredentialProvider>>;

/** The client config of one service, on the AWS backend. */
export type ServiceConfig = (service: Exclude<EndpointService, "sts">) => SageMakerClientConfig;

/**
 * Checks the connection options and returns the config each AWS client of the backend is built
 * with: `clientConfig`, then `region`, `profile`, the credentials and the service's endpoint over
 * it. What is not given is not set, so the SDK still resolves it itself: the region from
 * `AWS_REGION` or the profile, the endpoint from `AWS_ENDPOINT_URL_<SERVICE>` or `AWS_ENDPOINT_URL`
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html), credentials from the
 * default chain. One credential provider serves every client, so a role is assumed once for all.
 */
export async function awsServiceConfig(options: ConnectionOptions, clock: Clock): Promise<ServiceConfig> {
  const { region, profile } = options;
  const endpoints = checkConnectionOptions(options);
  const credentials = await resolveCredentials(options, endpoints.sts, clock);
  return (service) => ({
    ...options.clientConfig,
    ...(region !== undefined && { region }),
    ...(profile !== undefined && { profile }),
    ...(credentials !== undefined && { credentials }),
    ...(endpoints[service] !== undefined && { endpoint: endpoints[service] }),
  });
}

/**
 * Checks the connection options, on either backend: the emulator does not use them, but a pipeline
 * tested there must not carry a typo to AWS. Returns the endpoints by service, as strings.
 */
export function checkConnectionOptions(options: ConnectionOptions): Partial<Record<EndpointService, string>> {
  const { region, profile, roleArn, roleSessionName } = options;
  optionalString("region", region, 'a region name such as "eu-west-1"');
  optionalString("profile", profile, "the name of a profile in your AWS config or credentials file");
  optionalString("roleArn", roleArn, 'the ARN of the role to assume, e.g. "arn:aws:iam::123456789012:role/SageMakerPipeline"');
  optionalString("roleSessionName", roleSessionName, "the name the role's session shows in CloudTrail");
  if (roleSessionName !== undefined && roleArn === undefined) {
    throw new TypeError(
      "Option roleSessionName is given without roleArn. Please pass the role to assume as roleArn, or drop roleSessionName.",
    );
  }
  return checkEndpoints(options.endpoints);
}

async function resolveCredentials(
  options: ConnectionOptions,
  stsEndpoint: string | undefined,
  clock: Clock,
): Promise<Credentials | undefined> {
  const { region, profile, roleArn } = options;
  const given = options.clientConfig?.credentials;
  if (profile === undefined && roleArn === undefined) return given;
  if (profile !== undefined && given !== undefined) {
    throw new TypeError(
      "Options profile and clientConfig.credentials both say where credentials come from. Please pass one of them " +
        "(with roleArn, the role is assumed with whichever you pass).",
    );
  }
  // A dependency, loaded only when the profile or a role is asked for.
  const { fromIni, fromTemporaryCredentials } = await import("@aws-sdk/credential-providers");
  if (roleArn === undefined) return shared(fromIni({ profile: profile! }), clock);
  const base = given ?? (profile === undefined ? undefined : fromIni({ profile }));
  const assumed = fromTemporaryCredentials({
    params: { RoleArn: roleArn, RoleSessionName: options.roleSessionName ?? `sagerun-${clock.now()}` },
    // Without them, STS signs with the SDK's default chain (environment, shared files, SSO, IMDS…).
    ...(base !== undefined && { masterCredentials: base }),
    clientConfig: {
      ...(region !== undefined && { region }),
      ...(profile !== undefined && { profile }),
      ...(stsEndpoint !== undefined && { endpoint: stsEndpoint }),
    },
  });
  return shared(assumed, clock);
}

// The SDK refreshes credentials that expire within five minutes (@smithy/core's memoizeIdentity,
// EXPIRATION_MS); sharing them between clients uses the same margin.
const EXPIRY_MARGIN_MS = 5 * 60_000;

/**
 * `provider`, asked once for every client of the backend: each client memoizes its credentials on
 * its own, so four clients on `fromTemporaryCredentials` would call AssumeRole four times.
 */
function shared(provider: CredentialProvider, clock: Clock): CredentialProvider {
  let last: Identity | undefined;
  let pending: Promise<Identity> | undefined;
  return async (properties) => {
    const expiration = last?.expiration?.getTime();
    if (last !== undefined && (expiration === undefined || expiration - clock.now() > EXPIRY_MARGIN_MS)) return last;
    pending ??= provider(properties).finally(() => {
      pending = undefined;
    });
    last = await pending;
    return last;
  };
}

function checkEndpoints(endpoints: ConnectionOptions["endpoints"]): Partial<Record<EndpointService, string>> {
  if (endpoints === undefined) return {};
  if (typeof endpoints !== "object" || endpoints === null) {
    throw new TypeError(
      `Option endpoints [${String(endpoints)}] must be an object. Please pass { sagemaker?, s3?, logs?, runtime?, sts? }.`,
    );
  }
  const checked: Partial<Record<EndpointService, string>> = {};
  for (const [service, value] of Object.entries(endpoints)) {
    if (!(ENDPOINT_SERVICES as readonly string[]).includes(service)) {
      throw new TypeError(`Option endpoints has an unknown service '${service}'. Please use one of: ${ENDPOINT_SERVICES.join(", ")}.`);
    }
    if (value === undefined) continue;
    const url = URL.canParse(String(value)) ? new URL(String(value)) : undefined;
    if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
      throw new TypeError(
        `Option endpoints.${service} [${String(value)}] must be an http(s) URL. Please pass e.g. "http://127.0.0.1:4566" (sagerun-emulator serve).`,
      );
    }
    checked[service as EndpointService] = String(value);
  }
  return checked;
}

function optionalString(option: string, value: unknown, fix: string): void {
  if (value !== undefined && (typeof value !== "string" || value.trim() === "")) {
    throw new TypeError(`Option ${option} [${String(value)}] must be a non-empty string. Please pass ${fix}, or leave it out.`);
  }
}
