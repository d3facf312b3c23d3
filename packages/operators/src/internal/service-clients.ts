import type { AwsServiceClient } from "../backend.js";
import { loadPeer } from "./load-peer.js";

/** The services beside SageMaker that a pipeline talks to, each from an optional peer package. */
export type PeerService = "s3" | "logs" | "runtime";

/** A client class of one of those packages, as the backend calls it. */
export type ClientClass = new (config: object) => AwsServiceClient;

// Each import() is written out in full so that bundlers see which package it loads.
const PEERS: Record<PeerService, { readonly packageName: string; readonly neededFor: string; readonly load: () => Promise<ClientClass> }> =
  {
    s3: {
      packageName: "@aws-sdk/client-s3",
      neededFor: "the S3 client (backend.s3())",
      load: async () => (await import("@aws-sdk/client-s3")).S3Client,
    },
    logs: {
      packageName: "@aws-sdk/client-cloudwatch-logs",
      neededFor: "the CloudWatch Logs client (backend.logs())",
      load: async () => (await import("@aws-sdk/client-cloudwatch-logs")).CloudWatchLogsClient,
    },
    runtime: {
      packageName: "@aws-sdk/client-sagemaker-runtime",
      neededFor: "the SageMaker Runtime client (backend.runtime())",
      load: async () => (await import("@aws-sdk/client-sagemaker-runtime")).SageMakerRuntimeClient,
    },
  };

/**
 * One getter per service: the first call loads the service's package with `import()` (a missing
 * one is `PackageNotInstalledError`) and builds the client with `build`; later calls return the same
 * client. A failed call is not remembered, so installing the package and calling again works.
 */
export function lazyServiceClients(
  build: (service: PeerService, Client: ClientClass) => AwsServiceClient,
): Record<PeerService, () => Promise<AwsServiceClient>> {
  const getter = (service: PeerService): (() => Promise<AwsServiceClient>) => {
    let made: Promise<AwsServiceClient> | undefined;
    return () => {
      const { packageName, neededFor, load } = PEERS[service];
      made ??= loadPeer(packageName, neededFor, load)
        .then((Client) => build(service, Client))
        .catch((err: unknown) => {
          made = undefined;
          throw err;
        });
      return made;
    };
  };
  return { s3: getter("s3"), logs: getter("logs"), runtime: getter("runtime") };
}
