import { DeleteObjectCommand } from "@aws-sdk/client-s3";
import { CreateEndpointCommand, CreateEndpointConfigCommand, CreateModelCommand } from "@aws-sdk/client-sagemaker";
import { InvokeEndpointCommand, ModelError, ValidationError } from "@aws-sdk/client-sagemaker-runtime";
import { describe, expect, it } from "vitest";
import { tarGzip } from "../../src/data/tar.js";
import { ContainerError, type EmulatorOptions, type ImageCode } from "../../src/index.js";
import { ROLE_ARN } from "../fixtures.js";
import { BUCKET, dataPlane, type DataPlane, KNN_IMAGE, OWN_IMAGE, rejection, S, trainTinyKnn, uri } from "./harness.js";

/**
 * InvokeEndpoint against endpoints whose models really serve ([DOC] API_runtime_InvokeEndpoint):
 * the runtime's refusals, and the serving code's own errors answered as ModelError.
 */

const BROKEN_IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/broken-loader:1";
const decode = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

/** Serving code that echoes the request, and fails on demand: `415` → a ContainerError, `crash` → a plain Error. */
const echo: ImageCode = {
  image: OWN_IMAGE,
  serve(files) {
    const version = decode(files.get("version.txt")) || "none";
    return {
      invoke(request) {
        const body = decode(request.body);
        if (body === "415") throw new ContainerError("ClientError", "unable to evaluate payload provided", 415);
        if (body === "crash") throw new Error("worker died");
        return {
          body: JSON.stringify({ body, version, contentType: request.contentType, accept: request.accept }),
          contentType: "application/json",
        };
      },
    };
  },
};

/** An endpoint `name` serving a model on `image` (with `modelDataUrl`), InService unless `inService` is false. */
async function endpoint(
  name: string,
  image: string,
  { modelDataUrl, inService = true, options = {} }: { modelDataUrl?: string; inService?: boolean; options?: EmulatorOptions } = {},
): Promise<DataPlane & { invoke: (body: string, endpointName?: string) => Promise<unknown> }> {
  const env = await dataPlane({ images: [echo], ...options });
  const data = modelDataUrl ?? (image === KNN_IMAGE ? await trainTinyKnn(env) : undefined);
  await env.sagemaker.send(
    new CreateModelCommand({ ModelName: "model", ExecutionRoleArn: ROLE_ARN, PrimaryContainer: { Image: image, ModelDataUrl: data } }),
  );
  await env.sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: "config",
      ProductionVariants: [{ VariantName: "AllTraffic", ModelName: "model", InstanceType: "ml.m5.large", InitialInstanceCount: 1 }],
    }),
  );
  await env.sagemaker.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: "config" }));
  if (inService) await env.clock.advance(100 * S);
  const invoke = async (body: string, endpointName = name) => {
    const answer = await env.runtime.send(
      new InvokeEndpointCommand({ EndpointName: endpointName, ContentType: "text/csv", Accept: "application/json", Body: body }),
    );
    return JSON.parse(decode(answer.Body)) as unknown;
  };
  return { ...env, invoke };
}

describe("InvokeEndpoint refuses", () => {
  it("an endpoint that does not exist: ValidationError `Endpoint X of account 123456789012 not found.` (aws/amazon-sagemaker-examples #293, #559)", async () => {
    const env = await endpoint("served", OWN_IMAGE);
    const error = await rejection(() => env.invoke("x", "nope"));
    expect(error).toBeInstanceOf(ValidationError);
    expect([error.message, (error.$metadata as { httpStatusCode?: number }).httpStatusCode]).toEqual([
      "Endpoint nope of account 123456789012 not found.",
      400,
    ]);
  });

  it("a name in another case: InvokeEndpoint matches case ([DOC] CreateEndpoint EndpointName)", async () => {
    const env = await endpoint("Iris-Endpoint", OWN_IMAGE);
    expect(await env.invoke("hello")).toMatchObject({ body: "hello" });
    const error = await rejection(() => env.invoke("hello", "iris-endpoint"));
    expect([error.name, error.message]).toEqual(["ValidationError", "Endpoint iris-endpoint of account 123456789012 not found."]);
  });

  it("an endpoint still Creating: it is not in service ([INF] the text)", async () => {
    const env = await endpoint("creating", OWN_IMAGE, { inService: false });
    await env.clock.advance(100 * S - 1);
    const error = await rejection(() => env.invoke("x"));
    expect([error.name, error.message]).toEqual([
      "ValidationError",
      "Endpoint creating of account 123456789012 is not in service: its status is Creating.",
    ]);
    await env.clock.advance(1);
    expect(await env.invoke("x")).toMatchObject({ body: "x" });
  });
});

describe("InvokeEndpoint answers ModelError for the serving code's failures", () => {
  it("a ContainerError keeps its status as OriginalStatusCode (aws/amazon-sagemaker-examples #1881)", async () => {
    const env = await endpoint("ep", OWN_IMAGE);
    const error = await rejection(() => env.invoke("415"));
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({
      message:
        'Received client error (415) from primary with message "unable to evaluate payload provided". ' +
        "See https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEventViewer:group=/aws/sagemaker/Endpoints/ep in account 123456789012 for more information.",
      OriginalStatusCode: 415,
      OriginalMessage: "unable to evaluate payload provided",
      LogStreamArn: "arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/Endpoints/ep",
      $metadata: expect.objectContaining({ httpStatusCode: 424 }),
    });
    // The container's failure is in the log group the error's LogStreamArn names, in the variant's stream.
    const lines = await env.logEvents("/aws/sagemaker/Endpoints/ep", "AllTraffic");
    expect(lines.map((line) => line.message)).toEqual(["unable to evaluate payload provided"]);
    expect(lines[0]!.timestamp).toBe(env.clock.now());
  });

  it("any other error is the container's 500 with the error's message (aws/amazon-sagemaker-examples #1809)", async () => {
    const env = await endpoint("ep", OWN_IMAGE);
    const error = await rejection(() => env.invoke("crash"));
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({ OriginalStatusCode: 500, OriginalMessage: "worker died" });
    expect(error.message).toMatch(/^Received server error \(500\) from primary with message "worker died"\./);
  });

  it("serving code that cannot load its model: the loader's error, as the container's 500", async () => {
    const broken: ImageCode = {
      image: BROKEN_IMAGE,
      serve: () => {
        throw new Error("torch.load: file is not a zip archive");
      },
    };
    const env = await endpoint("broken", BROKEN_IMAGE, { options: { images: [broken] } });
    const error = await rejection(() => env.invoke("x"));
    expect(error).toMatchObject({ name: "ModelError", OriginalStatusCode: 500, OriginalMessage: "torch.load: file is not a zip archive" });
  });

  it("a model whose image has no serving code: a ModelError that says how to register it", async () => {
    const other = "123456789012.dkr.ecr.us-east-1.amazonaws.com/not-registered:1";
    const env = await endpoint("bare", other);
    const error = await rejection(() => env.invoke("x"));
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({
      OriginalStatusCode: 500,
      OriginalMessage: `The sagerun emulator has no serving code for the image ${other}: register it with the emulator's \`images\` option.`,
    });
  });

  it("a k-NN request with the wrong number of features: a 400 naming feature_dim", async () => {
    const env = await endpoint("knn", KNN_IMAGE);
    expect(await env.invoke("0,0\n10,10")).toEqual({ predictions: [{ predicted_label: 0 }, { predicted_label: 1 }] });
    const error = await rejection(() => env.invoke("1,2,3"));
    expect(error).toMatchObject({
      name: "ModelError",
      OriginalStatusCode: 400,
      OriginalMessage: "feature_dim is 2, but record 1 of the request has 3 features",
    });
  });

  it("a model.tar.gz deleted after the endpoint came up: the download failure, naming the object", async () => {
    const env = await endpoint("ep", OWN_IMAGE, { modelDataUrl: uri("models/m.tar.gz") });
    // The model is put after CreateModel (which does not read it) and before the first invocation.
    await env.put("models/m.tar.gz", tarGzip(new Map([["version.txt", new TextEncoder().encode("v1")]]), 0));
    expect(await env.invoke("x")).toMatchObject({ version: "v1" });
    await env.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "models/m.tar.gz" }));
    const error = await rejection(() => env.invoke("x"));
    expect(error).toMatchObject({
      name: "ModelError",
      OriginalMessage: `Failed to download model data from ${uri("models/m.tar.gz")}: no such object`,
    });
  });
});

describe("InvokeEndpoint with user serving code", () => {
  it("passes the body, ContentType and Accept, and answers the code's body and content type", async () => {
    const env = await endpoint("ep", OWN_IMAGE);
    const answer = await env.runtime.send(
      new InvokeEndpointCommand({
        EndpointName: "ep",
        ContentType: "application/jsonlines",
        Accept: "application/json; verbose=true",
        Body: '{"a":1}',
      }),
    );
    expect(answer.ContentType).toBe("application/json");
    expect(JSON.parse(decode(answer.Body))).toEqual({
      body: '{"a":1}',
      version: "none",
      contentType: "application/jsonlines",
      accept: "application/json; verbose=true",
    });
  });

  it("serves a new model.tar.gz put at the same URL from the next invocation on", async () => {
    const archive = (version: string) => tarGzip(new Map([["version.txt", new TextEncoder().encode(version)]]), 0);
    const env = await endpoint("ep", OWN_IMAGE, { modelDataUrl: uri("models/m.tar.gz") });
    await env.put("models/m.tar.gz", archive("v1"));
    expect(await env.invoke("x")).toMatchObject({ version: "v1" });
    await env.put("models/m.tar.gz", archive("v2"));
    expect(await env.invoke("x")).toMatchObject({ version: "v2" });
  });
});
