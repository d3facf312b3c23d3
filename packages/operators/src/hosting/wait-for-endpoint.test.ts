import { DeleteEndpointCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { faultyClient } from "../../test/fixtures.js";
import { BROKEN_REASON, createEndpointElsewhere, hostingHarness } from "../../test/hosting-fixtures.js";
import { EndpointFailedError } from "../errors/index.js";
import { endpointPhase } from "./endpoint-kind.js";
import type { EndpointStatusEvent } from "./endpoint-waiter.js";
import { waitForEndpoint } from "./wait-for-endpoint.js";

const S = 1000;

describe(waitForEndpoint.name, () => {
  it("waits for an endpoint another client created until it is InService, and resolves its JSON-safe description", async () => {
    const h = await hostingHarness();
    const t0 = h.clock.now();
    await createEndpointElsewhere(h, "churn");
    const events: EndpointStatusEvent[] = [];
    const description = await waitForEndpoint("churn", { ...h, checkIntervalSeconds: 25, onStatusChange: (e) => events.push(e) });
    expect(description).toMatchObject({ EndpointName: "churn", EndpointStatus: "InService", EndpointConfigName: "churn-v1" });
    expect(typeof description.LastModifiedTime).toBe("string");
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
    expect(events.map((e) => [e.status, e.time])).toEqual([
      ["Creating", "2026-01-01T00:00:00.000Z"],
      ["InService", "2026-01-01T00:01:40.000Z"],
    ]);
    expect(events[0]).toMatchObject({ type: "status", endpointName: "churn" });
    expect(h.clock.now()).toBe(t0 + 100 * S);
    expect(h.count("CreateEndpointCommand")).toBe(1);
  });

  it("rejects with EndpointFailedError and the FailureReason when the endpoint fails", async () => {
    const h = await hostingHarness({ brokenV2: true });
    await createEndpointElsewhere(h, "churn", "churn-v2");
    const err = await waitForEndpoint("churn", h).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointFailedError);
    expect(err).toMatchObject({ status: "Failed", failureReason: BROKEN_REASON, endpointConfigName: "churn-v2" });
  });

  it("rejects when the endpoint does not exist or is being deleted, instead of polling on (Airflow's sensor waits through Deleting)", async () => {
    const h = await hostingHarness();
    const missing = await waitForEndpoint("nope", h).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "EndpointFailed", status: undefined, description: undefined });
    expect((missing as Error).message).toBe(
      "Endpoint 'nope' will not be InService: it does not exist (DescribeEndpoint could not find it). " +
        "Please deploy it (deployEndpoint), or check who deleted it.",
    );
    await createEndpointElsewhere(h, "churn");
    await waitForEndpoint("churn", h);
    await h.client.send(new DeleteEndpointCommand({ EndpointName: "churn" }));
    await expect(waitForEndpoint("churn", h)).rejects.toMatchObject({ code: "EndpointFailed", status: "Deleting" });
  });

  it("retries a throttled DescribeEndpoint without spending an attempt", async () => {
    const h = await hostingHarness();
    await createEndpointElsewhere(h, "churn");
    const client = faultyClient(h, (operation, nth) => (operation === "DescribeEndpoint" && nth <= 2 ? "ThrottlingException" : undefined));
    // Checks at 3 s (after two back-offs of 1 and 2 s), 33, 63, 93 and 123 s: InService (100 s) on the fifth attempt.
    const description = await waitForEndpoint("churn", { client, clock: h.clock, maxAttempts: 5 });
    expect(description.EndpointStatus).toBe("InService");
    expect(h.count("DescribeEndpointCommand")).toBe(7);
  });

  it("rejects with the abort reason and leaves the endpoint alone", async () => {
    const h = await hostingHarness();
    await createEndpointElsewhere(h, "churn");
    const controller = new AbortController();
    void h.clock.sleep(10 * S).then(() => controller.abort("enough"));
    await expect(waitForEndpoint("churn", { ...h, signal: controller.signal })).rejects.toBe("enough");
    expect(h.count("DeleteEndpointCommand")).toBe(0);
  });
});

describe(endpointPhase.name, () => {
  it("reads every status through the one table, a status AWS adds later as running, and no endpoint as gone", () => {
    const phase = (EndpointStatus: string) => endpointPhase({ EndpointStatus } as never);
    expect(["Creating", "Updating", "SystemUpdating", "RollingBack"].map(phase)).toEqual(["running", "running", "running", "running"]);
    expect(["InService", "Failed", "UpdateRollbackFailed", "OutOfService", "Deleting"].map(phase)).toEqual([
      "ready",
      "failed",
      "failed",
      "failed",
      "gone",
    ]);
    expect(phase("Hibernating")).toBe("running");
    expect(endpointPhase(undefined)).toBe("gone");
  });
});
