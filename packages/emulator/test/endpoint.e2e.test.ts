import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  ListEndpointsCommand,
  ListTagsCommand,
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  waitUntilEndpointDeleted,
  waitUntilEndpointInService,
  type EndpointSummary,
  type ListEndpointsCommandInput,
} from "@aws-sdk/client-sagemaker";
import { ScaledClock } from "@sagerun/transport";
import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index.js";
import { errorOf } from "./fixtures.js";
import { arnOf, endpointConfigRequest, endpointRequest, hostingEmulator, modelRequest, variant, OWN_IMAGE } from "./fixtures/hosting.js";

const S = 1000;
const ENDPOINT_ARN = arnOf("endpoint", "churn-endpoint");

describe("endpoint lifecycle", () => {
  it("is Creating with a PendingDeploymentSummary and no ProductionVariants, then InService", async () => {
    const { clock, client } = await hostingEmulator();
    const t0 = clock.now();
    const { EndpointArn } = await client.send(new CreateEndpointCommand(endpointRequest({ EndpointName: "Churn-Endpoint" })));
    expect(EndpointArn).toBe(ENDPOINT_ARN);
    const describe = () => client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }));

    const creating = await describe();
    expect(creating).toMatchObject({
      EndpointName: "Churn-Endpoint",
      EndpointArn,
      EndpointStatus: "Creating",
      EndpointConfigName: "churn-config",
    });
    expect(creating.ProductionVariants).toBeUndefined(); // [INF]
    expect(creating.PendingDeploymentSummary).toMatchObject({ EndpointConfigName: "churn-config", StartTime: new Date(t0) });
    expect(creating.PendingDeploymentSummary!.ProductionVariants![0]).toMatchObject({
      VariantName: "AllTraffic",
      DesiredInstanceCount: 1,
      InstanceType: "ml.m5.large",
    });
    expect(creating.CreationTime).toEqual(new Date(t0));
    expect(creating.LastModifiedTime).toEqual(new Date(t0));

    await clock.advanceTo(t0 + 99 * S);
    expect((await describe()).EndpointStatus).toBe("Creating");
    await clock.advanceTo(t0 + 100 * S);
    const ready = await describe();
    expect(ready.EndpointStatus).toBe("InService");
    expect(ready.LastModifiedTime).toEqual(new Date(t0 + 100 * S));
    expect(ready.PendingDeploymentSummary).toBeUndefined();
    expect(ready.FailureReason).toBeUndefined();
    const [summary] = ready.ProductionVariants!;
    expect(summary).toMatchObject({
      VariantName: "AllTraffic",
      CurrentWeight: 1,
      DesiredWeight: 1,
      CurrentInstanceCount: 1,
      DesiredInstanceCount: 1,
    });
    const [image] = summary!.DeployedImages!;
    expect(image!.SpecifiedImage).toBe(OWN_IMAGE);
    expect(image!.ResolvedImage).toMatch(/^123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com\/churn-trainer@sha256:[0-9a-f]{64}$/);
    expect(image!.ResolutionTime).toEqual(new Date(t0));
  });

  it("keeps create-time Tags for ListTags", async () => {
    const { client } = await hostingEmulator();
    await client.send(new CreateEndpointCommand(endpointRequest({ Tags: [{ Key: "stage", Value: "prod" }] })));
    expect((await client.send(new ListTagsCommand({ ResourceArn: ENDPOINT_ARN }))).Tags).toEqual([{ Key: "stage", Value: "prod" }]);
  });

  it("fails with the rule's FailureReason when a rule matches the endpoint name or the model's image", async () => {
    const { clock, client } = await hostingEmulator({
      rules: [
        { match: { name: "bad-endpoint" }, outcome: { status: "Failed", failureReason: "CapacityError: none left" } },
        { match: { image: /broken/ }, outcome: { status: "Failed", afterSeconds: 30 } },
      ],
    });
    const t0 = clock.now();
    await client.send(new CreateEndpointCommand(endpointRequest({ EndpointName: "bad-endpoint" })));
    await client.send(new CreateModelCommand(modelRequest({ ModelName: "broken", PrimaryContainer: { Image: "acme/broken:1" } })));
    await client.send(
      new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: "broken", ProductionVariants: [variant("broken")] })),
    );
    await client.send(new CreateEndpointCommand(endpointRequest({ EndpointName: "broken", EndpointConfigName: "broken" })));
    await clock.advanceTo(t0 + 100 * S);
    const byName = await client.send(new DescribeEndpointCommand({ EndpointName: "bad-endpoint" }));
    expect([byName.EndpointStatus, byName.FailureReason]).toEqual(["Failed", "CapacityError: none left"]);
    const byImage = await client.send(new DescribeEndpointCommand({ EndpointName: "broken" }));
    expect(byImage.EndpointStatus).toBe("Failed");
    expect(byImage.LastModifiedTime).toEqual(new Date(t0 + 30 * S));
    expect(byImage.FailureReason).toBe(
      "The primary container for production variant AllTraffic did not pass the ping health check. Please check CloudWatch logs for this endpoint.",
    );
    // [DOC] "DeleteEndpoint is the only operation that can be performed on a failed endpoint".
    const update = await errorOf(() =>
      client.send(new UpdateEndpointCommand({ EndpointName: "broken", EndpointConfigName: "churn-config" })),
    );
    expect([update.name, update.message]).toEqual([
      "ValidationException",
      `Cannot update failed endpoint "${arnOf("endpoint", "broken")}".`,
    ]);
    await client.send(new DeleteEndpointCommand({ EndpointName: "broken" }));
  });

  it("UpdateEndpoint keeps the old EndpointConfigName while Updating and switches when InService ([DOC] UpdateEndpoint)", async () => {
    const { clock, client } = await hostingEmulator();
    const t0 = clock.now();
    await client.send(new CreateEndpointCommand(endpointRequest()));
    await client.send(
      new CreateEndpointConfigCommand(
        endpointConfigRequest({
          EndpointConfigName: "churn-config-v2",
          ProductionVariants: [variant("churn-model", { InitialInstanceCount: 3 })],
        }),
      ),
    );
    await clock.advanceTo(t0 + 100 * S);
    await client.send(new UpdateEndpointCommand({ EndpointName: "churn-endpoint", EndpointConfigName: "churn-config-v2" }));
    const updating = await client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }));
    expect([updating.EndpointStatus, updating.EndpointConfigName]).toEqual(["Updating", "churn-config"]);
    expect(updating.ProductionVariants![0]!.CurrentInstanceCount).toBe(1);
    expect(updating.PendingDeploymentSummary).toMatchObject({ EndpointConfigName: "churn-config-v2", StartTime: new Date(t0 + 100 * S) });
    await clock.advanceTo(t0 + 150 * S);
    const done = await client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }));
    expect([done.EndpointStatus, done.EndpointConfigName, done.PendingDeploymentSummary]).toEqual([
      "InService",
      "churn-config-v2",
      undefined,
    ]);
    expect(done.ProductionVariants![0]!.CurrentInstanceCount).toBe(3);
    expect(done.LastModifiedTime).toEqual(new Date(t0 + 150 * S));
  });

  it("rolls a failed UpdateEndpoint back: InService on the old config with a FailureReason the next update clears ([OBS] ACK sagemaker-controller#7)", async () => {
    const { clock, client } = await hostingEmulator({
      rules: [{ match: { image: /broken/ }, outcome: { status: "Failed", failureReason: "ClientError: bad image" } }],
    });
    await client.send(new CreateEndpointCommand(endpointRequest()));
    await client.send(new CreateModelCommand(modelRequest({ ModelName: "broken", PrimaryContainer: { Image: "acme/broken:1" } })));
    await client.send(
      new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: "broken", ProductionVariants: [variant("broken")] })),
    );
    await client.send(new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: "v2" })));
    await clock.advance(100 * S);
    await client.send(new UpdateEndpointCommand({ EndpointName: "churn-endpoint", EndpointConfigName: "broken" }));
    await clock.advance(50 * S);
    const rolledBack = await client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }));
    expect([rolledBack.EndpointStatus, rolledBack.EndpointConfigName, rolledBack.FailureReason]).toEqual([
      "InService",
      "churn-config",
      "ClientError: bad image",
    ]);
    await client.send(new UpdateEndpointCommand({ EndpointName: "churn-endpoint", EndpointConfigName: "v2" }));
    const retrying = await client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }));
    expect([retrying.EndpointStatus, retrying.FailureReason]).toEqual(["Updating", undefined]);
  });

  it("UpdateEndpoint with RetainAllVariantProperties keeps the instance count unless excluded ([DOC])", async () => {
    const { clock, client } = await hostingEmulator();
    await client.send(new CreateEndpointCommand(endpointRequest()));
    for (const name of ["v2", "v3"]) {
      await client.send(
        new CreateEndpointConfigCommand(
          endpointConfigRequest({
            EndpointConfigName: name,
            ProductionVariants: [variant("churn-model", { InitialInstanceCount: 4, InitialVariantWeight: 2 })],
          }),
        ),
      );
    }
    await clock.advance(100 * S);
    await client.send(
      new UpdateEndpointCommand({ EndpointName: "churn-endpoint", EndpointConfigName: "v2", RetainAllVariantProperties: true }),
    );
    await clock.advance(50 * S);
    const retained = (await client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }))).ProductionVariants![0]!;
    expect([retained.CurrentInstanceCount, retained.CurrentWeight]).toEqual([1, 1]);
    await client.send(
      new UpdateEndpointCommand({
        EndpointName: "churn-endpoint",
        EndpointConfigName: "v3",
        RetainAllVariantProperties: true,
        ExcludeRetainedVariantProperties: [{ VariantPropertyType: "DesiredInstanceCount" }],
      }),
    );
    await clock.advance(50 * S);
    const partly = (await client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }))).ProductionVariants![0]!;
    expect([partly.CurrentInstanceCount, partly.CurrentWeight]).toEqual([4, 1]);
  });

  it("UpdateEndpointWeightsAndCapacities shows Desired ≠ Current while Updating, then applies them ([DOC])", async () => {
    const { clock, client } = await hostingEmulator();
    await client.send(new CreateEndpointCommand(endpointRequest()));
    await clock.advance(100 * S);
    const t1 = clock.now();
    await client.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: "churn-endpoint",
        DesiredWeightsAndCapacities: [{ VariantName: "AllTraffic", DesiredWeight: 0.5, DesiredInstanceCount: 2 }],
      }),
    );
    const updating = await client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }));
    expect(updating.EndpointStatus).toBe("Updating");
    expect(updating.PendingDeploymentSummary).toBeUndefined();
    expect(updating.ProductionVariants![0]).toMatchObject({
      CurrentWeight: 1,
      DesiredWeight: 0.5,
      CurrentInstanceCount: 1,
      DesiredInstanceCount: 2,
    });
    expect(updating.ProductionVariants![0]!.VariantStatus).toEqual([{ Status: "Updating", StartTime: new Date(t1) }]);
    await clock.advance(50 * S);
    const done = await client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }));
    expect(done.EndpointStatus).toBe("InService");
    expect(done.ProductionVariants![0]).toMatchObject({
      CurrentWeight: 0.5,
      DesiredWeight: 0.5,
      CurrentInstanceCount: 2,
      DesiredInstanceCount: 2,
      VariantStatus: [],
    });
  });

  it("DeleteEndpoint shows Deleting, then the endpoint is gone and its name free; config and model stay", async () => {
    const { clock, client } = await hostingEmulator();
    await client.send(new CreateEndpointCommand(endpointRequest()));
    await clock.advance(100 * S);
    await client.send(new DeleteEndpointCommand({ EndpointName: "churn-endpoint" }));
    expect((await client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }))).EndpointStatus).toBe("Deleting");
    await clock.advance(10 * S);
    const error = await errorOf(() => client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" })));
    expect([error.name, error.message]).toEqual(["ValidationException", `Could not find endpoint "${ENDPOINT_ARN}".`]);
    expect((await client.send(new CreateEndpointCommand(endpointRequest()))).EndpointArn).toBe(ENDPOINT_ARN);
  });
});

describe("endpoint errors", () => {
  it("answers a duplicate name, in any case, with `Cannot create already existing endpoint` ([OBS] modernisation-platform-environments#9383)", async () => {
    const { client } = await hostingEmulator();
    await client.send(new CreateEndpointCommand(endpointRequest()));
    const error = await errorOf(() => client.send(new CreateEndpointCommand(endpointRequest({ EndpointName: "CHURN-ENDPOINT" }))));
    expect([error.name, error.message, error.$metadata?.httpStatusCode]).toEqual([
      "ValidationException",
      `Cannot create already existing endpoint "${ENDPOINT_ARN}".`,
      400,
    ]);
  });

  it("answers Describe, Delete, Update and UpdateWeights of a missing endpoint with `Could not find endpoint` ([OBS] amazon-sagemaker-examples#2402)", async () => {
    const { client } = await hostingEmulator();
    const name = "Ghost";
    for (const send of [
      () => client.send(new DescribeEndpointCommand({ EndpointName: name })),
      () => client.send(new DeleteEndpointCommand({ EndpointName: name })),
      () => client.send(new UpdateEndpointCommand({ EndpointName: name, EndpointConfigName: "churn-config" })),
      () =>
        client.send(
          new UpdateEndpointWeightsAndCapacitiesCommand({
            EndpointName: name,
            DesiredWeightsAndCapacities: [{ VariantName: "AllTraffic", DesiredWeight: 1 }],
          }),
        ),
    ]) {
      const error = await errorOf(send);
      expect([error.name, error.message]).toEqual(["ValidationException", `Could not find endpoint "${arnOf("endpoint", "ghost")}".`]);
    }
  });

  it("refuses CreateEndpoint on a missing config, or on a config whose model was deleted ([INF]; [OBS] sagemaker-python-sdk#2112)", async () => {
    const { client } = await hostingEmulator();
    const noConfig = await errorOf(() => client.send(new CreateEndpointCommand(endpointRequest({ EndpointConfigName: "Nope" }))));
    expect([noConfig.name, noConfig.message]).toEqual([
      "ValidationException",
      `Could not find endpoint configuration "${arnOf("endpoint-config", "nope")}".`,
    ]);
    await client.send(new DeleteModelCommand({ ModelName: "churn-model" }));
    const noModel = await errorOf(() => client.send(new CreateEndpointCommand(endpointRequest())));
    expect([noModel.name, noModel.message]).toEqual(["ValidationException", `Could not find model "${arnOf("model", "churn-model")}".`]);
  });

  it("refuses Update, UpdateWeights and Delete while Creating or Updating with `Cannot update in-progress endpoint` ([OBS] k8s operator)", async () => {
    const { clock, client } = await hostingEmulator();
    await client.send(new CreateEndpointCommand(endpointRequest()));
    await client.send(new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: "v2" })));
    const attempts = [
      () => client.send(new UpdateEndpointCommand({ EndpointName: "churn-endpoint", EndpointConfigName: "v2" })),
      () =>
        client.send(
          new UpdateEndpointWeightsAndCapacitiesCommand({
            EndpointName: "churn-endpoint",
            DesiredWeightsAndCapacities: [{ VariantName: "AllTraffic", DesiredWeight: 2 }],
          }),
        ),
      () => client.send(new DeleteEndpointCommand({ EndpointName: "churn-endpoint" })),
    ];
    const expectInProgress = async () => {
      for (const attempt of attempts) {
        const error = await errorOf(attempt);
        expect([error.name, error.message]).toEqual(["ValidationException", `Cannot update in-progress endpoint "${ENDPOINT_ARN}".`]);
      }
    };
    await expectInProgress(); // Creating
    await clock.advance(100 * S);
    await attempts[0]!();
    await expectInProgress(); // Updating
  });

  it("refuses UpdateEndpoint to the config already deployed ([OBS] deployment script comment)", async () => {
    const { clock, client } = await hostingEmulator();
    await client.send(new CreateEndpointCommand(endpointRequest()));
    await clock.advance(100 * S);
    const error = await errorOf(() =>
      client.send(new UpdateEndpointCommand({ EndpointName: "churn-endpoint", EndpointConfigName: "Churn-Config" })),
    );
    expect([error.name, error.message]).toEqual([
      "ValidationException",
      'Cannot update endpoint with the currently in use endpoint configuration "churn-config".',
    ]);
  });

  it("refuses UpdateWeights naming an unknown or repeated variant (texts as in moto [INF])", async () => {
    const { clock, client } = await hostingEmulator();
    await client.send(new CreateEndpointCommand(endpointRequest()));
    await clock.advance(100 * S);
    const send = (names: string[]) =>
      client.send(
        new UpdateEndpointWeightsAndCapacitiesCommand({
          EndpointName: "churn-endpoint",
          DesiredWeightsAndCapacities: names.map((VariantName) => ({ VariantName, DesiredWeight: 1 })),
        }),
      );
    expect((await errorOf(() => send(["Other"]))).message).toBe(
      'The variant name(s) "Other" is/are not present within endpoint configuration "churn-config".',
    );
    expect((await errorOf(() => send(["AllTraffic", "AllTraffic"]))).message).toBe(
      'The variant name "AllTraffic" was non-unique within the request.',
    );
  });

  it("keeps serving its snapshot when the config is deleted after deployment ([DOC] DeleteEndpointConfig)", async () => {
    const { clock, client } = await hostingEmulator();
    await client.send(new CreateEndpointCommand(endpointRequest()));
    await client.send(new DeleteEndpointConfigCommand({ EndpointConfigName: "churn-config" }));
    await clock.advance(100 * S);
    const d = await client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }));
    expect([d.EndpointStatus, d.EndpointConfigName, d.ProductionVariants![0]!.CurrentInstanceCount]).toEqual([
      "InService",
      "churn-config",
      1,
    ]);
  });
});

describe("ListEndpoints", () => {
  async function threeEndpoints() {
    const setup = await hostingEmulator();
    const t0 = setup.clock.now();
    for (const name of ["b-ep", "C-ep", "a-ep"]) {
      await setup.client.send(new CreateEndpointCommand(endpointRequest({ EndpointName: name })));
      await setup.clock.advance(40 * S);
    }
    // b-ep InService at +100 s, C-ep at +140 s, a-ep still Creating at +160 s.
    await setup.clock.advanceTo(t0 + 160 * S);
    const list = async (input: ListEndpointsCommandInput) =>
      (await setup.client.send(new ListEndpointsCommand(input))).Endpoints!.map((e: EndpointSummary) => e.EndpointName);
    return { ...setup, t0, list };
  }

  it("sorts by CreationTime descending by default ([DOC]), by Name in binary order (upper case first, [INF]), or by Status", async () => {
    const { list } = await threeEndpoints();
    expect(await list({})).toEqual(["a-ep", "C-ep", "b-ep"]);
    expect(await list({ SortBy: "Name", SortOrder: "Ascending" })).toEqual(["C-ep", "a-ep", "b-ep"]);
    // Equal statuses keep creation order.
    expect(await list({ SortBy: "Status", SortOrder: "Ascending" })).toEqual(["a-ep", "b-ep", "C-ep"]);
  });

  it("filters by StatusEquals, NameContains, creation and modification time", async () => {
    const { t0, list } = await threeEndpoints();
    expect(await list({ StatusEquals: "InService" })).toEqual(["C-ep", "b-ep"]);
    expect(await list({ NameContains: "c-EP" })).toEqual(["C-ep"]);
    expect(await list({ CreationTimeAfter: new Date(t0 + 40 * S) })).toEqual(["a-ep", "C-ep"]);
    expect(await list({ CreationTimeBefore: new Date(t0 + 40 * S) })).toEqual(["b-ep"]);
    expect(await list({ LastModifiedTimeAfter: new Date(t0 + 100 * S) })).toEqual(["C-ep", "b-ep"]);
    expect(await list({ LastModifiedTimeBefore: new Date(t0 + 100 * S) })).toEqual(["a-ep"]);
  });

  it("returns the five required summary members and pages by 10 by default ([DOC])", async () => {
    const { clock, client } = await hostingEmulator();
    for (let i = 0; i < 11; i++) {
      await client.send(new CreateEndpointCommand(endpointRequest({ EndpointName: `ep-${String(i).padStart(2, "0")}` })));
      await clock.advance(S);
    }
    const first = await client.send(new ListEndpointsCommand({}));
    expect(first.Endpoints).toHaveLength(10);
    expect(Object.keys(first.Endpoints![0]!).sort()).toEqual([
      "CreationTime",
      "EndpointArn",
      "EndpointName",
      "EndpointStatus",
      "LastModifiedTime",
    ]);
    const second = await client.send(new ListEndpointsCommand({ NextToken: first.NextToken }));
    expect(second.Endpoints!.map((e) => e.EndpointName)).toEqual(["ep-00"]);
    expect(second.NextToken).toBeUndefined();
  });
});

describe("the AWS SDK's own endpoint waiters, unmodified ([MODEL] waiters-2.json)", () => {
  // The SDK waiters sleep on real timers, so the emulator runs on scaled time: 100 000 virtual
  // seconds per real second make a 30 000 s deployment 300 ms of polling every 5–10 ms.
  async function scaledHosting() {
    const emulator = createEmulator({
      requireInputData: false,
      clock: new ScaledClock({ scale: 100_000 }),
      durations: { creatingSeconds: 30_000, deletingSeconds: 3_000 },
    });
    const client = emulator.client();
    await client.send(new CreateModelCommand(modelRequest()));
    await client.send(new CreateEndpointConfigCommand(endpointConfigRequest()));
    return { emulator, client, waiter: { client, maxWaitTime: 60, minDelay: 0.005, maxDelay: 0.01 } };
  }

  it("waitUntilEndpointInService succeeds once Creating ends, and waitUntilEndpointDeleted once it is gone", async () => {
    const { client, waiter } = await scaledHosting();
    const observed: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const status = (result.output as { EndpointStatus?: string }).EndpointStatus;
        if (status) observed.push(status);
        return result;
      },
      { step: "initialize", name: "observeStatus" },
    );
    await client.send(new CreateEndpointCommand(endpointRequest()));
    expect((await waitUntilEndpointInService(waiter, { EndpointName: "churn-endpoint" })).state).toBe("SUCCESS");
    expect([observed[0], observed.at(-1)]).toEqual(["Creating", "InService"]);
    await client.send(new DeleteEndpointCommand({ EndpointName: "churn-endpoint" }));
    expect((await waitUntilEndpointDeleted(waiter, { EndpointName: "churn-endpoint" })).state).toBe("SUCCESS");
    expect(observed.at(-1)).toBe("Deleting");
    expect((await errorOf(() => client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" })))).name).toBe(
      "ValidationException",
    );
  });

  it("waitUntilEndpointInService reports failure for an endpoint that ends Failed", async () => {
    const emulator = createEmulator({
      requireInputData: false,
      clock: new ScaledClock({ scale: 100_000 }),
      rules: [{ match: { name: "churn-endpoint" }, outcome: { status: "Failed" } }],
    });
    const client = emulator.client();
    await client.send(new CreateModelCommand(modelRequest()));
    await client.send(new CreateEndpointConfigCommand(endpointConfigRequest()));
    await client.send(new CreateEndpointCommand(endpointRequest()));
    const error = await errorOf(() =>
      waitUntilEndpointInService({ client, maxWaitTime: 60, minDelay: 0.005, maxDelay: 0.01 }, { EndpointName: "churn-endpoint" }),
    );
    expect(error.message).toMatch(/"state":"FAILURE"/);
  });
});
