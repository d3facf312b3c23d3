import { DescribeEndpointCommand } from "@aws-sdk/client-sagemaker";
import { describe, expect, it } from "vitest";
import { createEndpointElsewhere, hostingHarness } from "../../test/hosting-fixtures.js";
import { deleteEndpoint } from "./delete-endpoint.js";
import { deployEndpoint } from "./deploy-endpoint.js";
import type { EndpointStatusEvent } from "./endpoint-waiter.js";

const S = 1000;

describe(deleteEndpoint.name, () => {
  it("waits until DescribeEndpoint no longer finds the endpoint", async () => {
    const h = await hostingHarness();
    await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1" }, h);
    const t0 = h.clock.now();
    const statuses: string[] = [];
    const deleted = await deleteEndpoint("churn", {
      ...h,
      checkIntervalSeconds: 4,
      onStatusChange: (e: EndpointStatusEvent) => statuses.push(e.status),
    });
    expect(deleted).toBe(true);
    // Deleting takes 10 s; checks at 0, 4, 8 and 12 s.
    expect(h.clock.now()).toBe(t0 + 12 * S);
    expect(statuses).toEqual(["Deleting"]);
    await expect(h.client.send(new DescribeEndpointCommand({ EndpointName: "churn" }))).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringMatching(/^Could not find endpoint/),
    });
  });

  it("deletes an endpoint that is still Creating as soon as it settles (SageMaker refuses before)", async () => {
    const h = await hostingHarness();
    const t0 = h.clock.now();
    await createEndpointElsewhere(h, "churn");
    await expect(deleteEndpoint("churn", { ...h, checkIntervalSeconds: 20 })).resolves.toBe(true);
    // InService at 100 s, then 10 s of Deleting, checked every 20 s.
    expect(h.clock.now()).toBe(t0 + 120 * S);
    expect(h.count("DeleteEndpointCommand")).toBe(2);
  });

  it("rejects with SageMaker's ValidationException for a missing endpoint, or resolves false with ifExists", async () => {
    const h = await hostingHarness();
    await expect(deleteEndpoint("nope", h)).rejects.toMatchObject({
      name: "ValidationException",
      message: expect.stringMatching(/^Could not find endpoint/),
    });
    await expect(deleteEndpoint("nope", { ...h, ifExists: true })).resolves.toBe(false);
  });

  it("waits for a deletion already under way", async () => {
    const h = await hostingHarness();
    await createEndpointElsewhere(h, "churn");
    await deployEndpoint({ EndpointName: "churn", EndpointConfigName: "churn-v1" }, h);
    const first = deleteEndpoint("churn", h);
    const second = deleteEndpoint("churn", h);
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);
  });
});
