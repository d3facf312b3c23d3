import { DeleteEndpointCommand, DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { createEndpointElsewhere, BROKEN_REASON, hostingHarness } from "../../test/hosting-fixtures.js";
import type { Harness } from "../../test/fixtures.js";
import { EndpointFailedError, EndpointWaitTimeoutError, SagerunError } from "../errors/index.js";
import { deployEndpoint } from "./deploy-endpoint.js";
import type { EndpointStatusEvent } from "./endpoint-waiter.js";

const S = 1000;

const describeRaw = (h: Harness, name: string) => h.client.send(new DescribeEndpointCommand({ EndpointName: name }));

/** The endpoint's status, or "gone" when DescribeEndpoint no longer finds it. */
async function statusOf(h: Harness, name: string): Promise<string | undefined> {
  try {
    return (await describeRaw(h, name)).EndpointStatus;
  } catch (err) {
    if (err instanceof Error && err.message.startsWith("Could not find endpoint")) return "gone";
    throw err;
  }
}

/** Records each status event as "<seconds since t0> <status>". */
function eventLog(h: Harness): { events: string[]; onStatusChange: (e: EndpointStatusEvent) => void } {
  const t0 = h.clock.now();
  const events: string[] = [];
  return { events, onStatusChange: (e) => events.push(`${(Date.parse(e.time) - t0) / S} ${e.status}`) };
}

describe(deployEndpoint.name, () => {
  it("creates the endpoint and resolves once it is InService, on the injected clock", async () => {
    const h = await hostingHarness();
    const log = eventLog(h);
    const t0 = h.clock.now();
    const result = await deployEndpoint(
      { EndpointName: "churn", EndpointConfigName: "churn-v1" },
      { client: h.client, clock: h.clock, checkIntervalSeconds: 30, onStatusChange: log.onStatusChange },
    );
    expect(result.action).toBe("created");
    expect(result.description).toMatchObject({ EndpointName: "churn", EndpointConfigName: "churn-v1", EndpointStatus: "InService" });
    // Checks at 0, 30, 60, 90 and 120 s; InService since 100 s.
    expect(log.events).toEqual(["0 Creating", "120 InService"]);
    expect(h.clock.now()).toBe(t0 + 120 * S);
  });

  it("resolves a JSON-safe description: ISO-8601 strings instead of Dates, no $metadata", async () => {
    const h = await hostingHarness();
    const { description } = await deployEndpoint(
      { EndpointName: "churn", EndpointConfigName: "churn-v1" },
      { client: h.client, clock: h.clock },
    );
    expect(description.CreationTime).toBe("2026-01-01T00:00:00.000Z");
    expect(description.ProductionVariants?.[0]?.DeployedImages?.[0]?.ResolutionTime).toBe("2026-01-01T00:00:00.000Z");
    expect(description).not.toHaveProperty("$metadata");
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });

  it("updates an existing endpoint to the new config (Airflow's create-or-update) and resolves when it serves it", async () => {
    const h = await hostingHarness();
    await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1", Tags: [{ Key: "team", Value: "ml" }] }, h);
    const log = eventLog(h);
    const result = await deployEndpoint(
      // Tags only apply on create: UpdateEndpoint has no Tags member (apache/airflow#33487).
      { EndpointName: "churn", EndpointConfigName: "churn-v2", Tags: [{ Key: "team", Value: "ml" }] },
      { client: h.client, clock: h.clock, checkIntervalSeconds: 10, onStatusChange: log.onStatusChange },
    );
    expect(result.action).toBe("updated");
    expect(result.description).toMatchObject({ EndpointConfigName: "churn-v2", EndpointStatus: "InService" });
    expect(result.description.FailureReason).toBeUndefined();
    expect(log.events).toEqual(["0 InService", "0 Updating", "50 InService"]);
    expect(h.count("UpdateEndpointCommand")).toBe(1);
  });

  it('leaves an endpoint that already serves the config alone: "unchanged", no UpdateEndpoint', async () => {
    const h = await hostingHarness();
    await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1" }, h);
    const again = await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "CHURN-V1" }, h);
    expect(again.action).toBe("unchanged");
    expect(again.description.EndpointStatus).toBe("InService");
    expect(h.count("UpdateEndpointCommand")).toBe(0);
  });

  it("waits for an existing endpoint that is still Creating instead of failing on SageMaker's in-progress refusal", async () => {
    const h = await hostingHarness();
    const t0 = h.clock.now();
    await createEndpointElsewhere(h, "churn", "churn-v1");
    const result = await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v2" }, { ...h, checkIntervalSeconds: 10 });
    expect(result.action).toBe("updated");
    expect(result.description.EndpointConfigName).toBe("churn-v2");
    // InService at 100 s, then an update of 50 s.
    expect(h.clock.now()).toBe(t0 + 150 * S);
  });

  it("creates the endpoint again once a deletion still under way has ended", async () => {
    const h = await hostingHarness();
    await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1" }, h);
    await h.client.send(new DeleteEndpointCommand({ EndpointName: "churn" }));
    const result = await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v2" }, { ...h, checkIntervalSeconds: 5 });
    expect(result.action).toBe("created");
    expect(result.description).toMatchObject({ EndpointConfigName: "churn-v2", EndpointStatus: "InService" });
    expect(h.count("CreateEndpointCommand")).toBe(3);
  });

  it("rejects with EndpointFailedError carrying SageMaker's FailureReason when creation fails", async () => {
    const failureReason = "CapacityError: Unable to provision requested ML compute capacity.";
    const h = await hostingHarness({ rules: [{ match: { name: "churn" }, outcome: { status: "Failed", failureReason } }] });
    const err = await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1" }, h).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointFailedError);
    expect(SagerunError.is(err) && err.code).toBe("EndpointFailed");
    expect(err).toMatchObject({
      endpointName: "churn",
      status: "Failed",
      failureReason,
      rolledBack: false,
      endpointConfigName: "churn-v1",
    });
    expect((err as EndpointFailedError).message).toBe(
      `Endpoint 'churn' failed (status Failed): ${failureReason}. Please fix the cause it names (/aws/sagemaker/Endpoints/churn ` +
        "in CloudWatch Logs has the details), delete the endpoint (deleteEndpoint) and deploy again.",
    );
    expect((err as EndpointFailedError).description).toMatchObject({ EndpointStatus: "Failed" });
  });

  it("rejects an existing Failed endpoint: DeleteEndpoint is the only call SageMaker accepts for it", async () => {
    const h = await hostingHarness({ brokenV2: true });
    await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v2" }, h).catch(() => undefined);
    const err = await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1" }, h).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "EndpointFailed", status: "Failed", failureReason: BROKEN_REASON });
    expect(h.count("UpdateEndpointCommand")).toBe(0);
  });

  it("rejects a failed update that SageMaker rolled back (InService on the old config) as a failure, never a success", async () => {
    const h = await hostingHarness({ brokenV2: true });
    await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1" }, h);
    const err = await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v2" }, h).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointFailedError);
    expect(err).toMatchObject({
      endpointName: "churn",
      status: "InService",
      rolledBack: true,
      failureReason: BROKEN_REASON,
      endpointConfigName: "churn-v2",
      description: { EndpointConfigName: "churn-v1", EndpointStatus: "InService" },
    });
    expect((err as Error).message).toBe(
      "Endpoint 'churn' was not updated to endpoint config 'churn-v2': the update failed and SageMaker rolled it back, so it is " +
        `InService on its previous config 'churn-v1': ${BROKEN_REASON}. Please fix the cause it names ` +
        "(/aws/sagemaker/Endpoints/churn in CloudWatch Logs has the details) and deploy again.",
    );
    // The endpoint still serves the old config.
    expect((await describeRaw(h, "churn")).EndpointConfigName).toBe("churn-v1");
  });

  it("deletes the endpoint it created when aborted mid-create, once SageMaker accepts the deletion, then rejects with the reason", async () => {
    const h = await hostingHarness();
    const t0 = h.clock.now();
    const controller = new AbortController();
    void h.clock.sleep(45 * S).then(() => controller.abort("cancelled by the DAG"));
    const run = deployEndpoint(
      { EndpointName: "churn", EndpointConfigName: "churn-v1" },
      { client: h.client, clock: h.clock, signal: controller.signal, checkIntervalSeconds: 10 },
    );
    await expect(run).rejects.toBe("cancelled by the DAG");
    // SageMaker refuses to delete a Creating endpoint: the teardown checked every 10 s from the abort (45 s)
    // and its second DeleteEndpoint went through at the first check after InService (100 s).
    expect(h.clock.now()).toBe(t0 + 105 * S);
    expect(h.count("DeleteEndpointCommand")).toBe(2);
    expect(await statusOf(h, "churn")).toBe("Deleting");
    await h.clock.sleep(10 * S);
    expect(await statusOf(h, "churn")).toBe("gone");
  });

  it("leaves the endpoint Creating when aborted with deleteOnAbort: false", async () => {
    const h = await hostingHarness();
    const controller = new AbortController();
    void h.clock.sleep(45 * S).then(() => controller.abort("detach"));
    const run = deployEndpoint(
      { EndpointName: "churn", EndpointConfigName: "churn-v1" },
      { ...h, signal: controller.signal, deleteOnAbort: false },
    );
    await expect(run).rejects.toBe("detach");
    expect(h.count("DeleteEndpointCommand")).toBe(0);
    expect(await statusOf(h, "churn")).toBe("Creating");
  });

  it("never deletes an endpoint it only updated when aborted", async () => {
    const h = await hostingHarness();
    await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1" }, h);
    const controller = new AbortController();
    void h.clock.sleep(20 * S).then(() => controller.abort("stop"));
    await expect(
      deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v2" }, { ...h, signal: controller.signal }),
    ).rejects.toBe("stop");
    expect(h.count("DeleteEndpointCommand")).toBe(0);
    expect(await statusOf(h, "churn")).toBe("Updating");
  });

  it("rejects with EndpointWaitTimeoutError when maxWaitSeconds runs out, and leaves the endpoint as it is", async () => {
    const h = await hostingHarness();
    const t0 = h.clock.now();
    const err = await deployEndpoint(
      { EndpointName: "churn", EndpointConfigName: "churn-v1" },
      { ...h, checkIntervalSeconds: 30, maxWaitSeconds: 70 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointWaitTimeoutError);
    expect(err).toMatchObject({ endpointName: "churn", goal: "InService", limit: "maxWaitSeconds", attempts: 4, lastStatus: "Creating" });
    expect((err as Error).message).toBe(
      "Timed out waiting for endpoint 'churn' to be InService: maxWaitSeconds [70] ran out after 4 status checks over 70 s; " +
        'last status Creating; sagerun left the endpoint as it is. Please raise maxWaitSeconds, or wait again later with waitForEndpoint("churn", …).',
    );
    expect(h.clock.now()).toBe(t0 + 70 * S);
    expect(h.count("DeleteEndpointCommand")).toBe(0);
  });

  it("checks its input and options before sending anything", async () => {
    const h = await hostingHarness();
    const sent = h.calls.length;
    await expect(deployEndpoint({ EndpointName: "", EndpointConfigName: "churn-v1" }, h)).rejects.toThrow(TypeError);
    await expect(
      deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1" }, { ...h, checkIntervalSeconds: 0 }),
    ).rejects.toThrow(RangeError);
    await expect(
      deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1" }, { ...h, deleteOnAbort: "no" as unknown as boolean }),
    ).rejects.toThrow(/Option deleteOnAbort \[no\] must be a boolean/);
    expect(h.calls.length).toBe(sent);
  });
});
