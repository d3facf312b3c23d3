import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  type CreateEndpointConfigCommandInput,
  type CreateModelCommandInput,
} from "@aws-sdk/client-sagemaker";
import type { EmulatorOptions } from "@sagerun/emulator";
import { emulatorHarness, type Harness } from "./fixtures.js";

/** A team's own serving image: the emulator runs no code for it, so these tests play lifecycles only. */
const SERVING_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-serving:1";

/** An image the {@link BROKEN_IMAGE_RULE} fails: a deployment of a model on it never passes the health check. */
const BROKEN_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-serving:broken";

/** The FailureReason of a deployment on {@link BROKEN_IMAGE}. */
export const BROKEN_REASON = "The primary container for production variant AllTraffic did not pass the ping health check.";

/** Endpoint phases short enough to read in assertions (seconds). */
const HOSTING_DURATIONS = { creatingSeconds: 100, updatingSeconds: 50, deletingSeconds: 10 } as const;

/** An emulator rule on the endpoint's models' images: deploying {@link BROKEN_IMAGE} fails. */
const BROKEN_IMAGE_RULE = { match: { image: BROKEN_IMAGE }, outcome: { status: "Failed", failureReason: BROKEN_REASON } } as const;

/** A valid CreateModel request; override any member. */
export function modelRequest(overrides: Partial<CreateModelCommandInput> = {}): CreateModelCommandInput {
  return {
    ModelName: "churn-v1",
    ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
    PrimaryContainer: { Image: SERVING_IMAGE, ModelDataUrl: "s3://my-bucket/churn/output/model.tar.gz" },
    ...overrides,
  };
}

/** A valid CreateEndpointConfig request with one instance variant serving `modelName`. */
export function endpointConfigRequest(name: string, modelName: string): CreateEndpointConfigCommandInput {
  return {
    EndpointConfigName: name,
    ProductionVariants: [{ VariantName: "AllTraffic", ModelName: modelName, InstanceType: "ml.m5.large", InitialInstanceCount: 1 }],
  };
}

/**
 * The operators' harness (real SDK client, emulator, virtual clock) holding two deployable configs:
 * `churn-v1` (a healthy model) and `churn-v2` (a healthy one, or with `brokenV2` a model on
 * {@link BROKEN_IMAGE}, whose deployments fail).
 */
export async function hostingHarness(options: EmulatorOptions & { readonly brokenV2?: boolean } = {}): Promise<Harness> {
  const { brokenV2, ...emulatorOptions } = options;
  const h = emulatorHarness({ durations: HOSTING_DURATIONS, rules: [BROKEN_IMAGE_RULE], ...emulatorOptions });
  await h.client.send(new CreateModelCommand(modelRequest()));
  const v2Image = brokenV2 ? BROKEN_IMAGE : SERVING_IMAGE;
  await h.client.send(new CreateModelCommand(modelRequest({ ModelName: "churn-v2", PrimaryContainer: { Image: v2Image } })));
  await h.client.send(new CreateEndpointConfigCommand(endpointConfigRequest("churn-v1", "churn-v1")));
  await h.client.send(new CreateEndpointConfigCommand(endpointConfigRequest("churn-v2", "churn-v2")));
  return h;
}

/** Creates endpoint `name` on `configName` with the raw client, as another process would. */
export async function createEndpointElsewhere(h: Harness, name: string, configName = "churn-v1"): Promise<void> {
  await h.client.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: configName }));
}
