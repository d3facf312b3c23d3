import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  DeleteEndpointCommand,
  DescribeEndpointCommand,
  ListEndpointsCommand,
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  type DescribeEndpointOutput,
  type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import type { VirtualClock } from "@sagerun/transport";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorOf } from "./fixtures.js";
import { arnOf, endpointConfigRequest, hostingEmulator } from "./fixtures/hosting.js";

/**
 * Model-based test (fast-check `fc.commands`): random create / describe / update / update-weights /
 * delete / list / advance-clock sequences against a step-by-step model of the endpoint state
 * machine (docs/fidelity.md §5.7), which the emulator derives from timelines instead.
 */
type Status = "Creating" | "InService" | "Updating" | "Failed" | "Deleting";
interface Entry {
  name: string;
  status: Status;
  endsAt: number;
  configName: string;
  /** Set while an UpdateEndpoint is in progress: the config that takes over when it ends. */
  nextConfig?: string | undefined;
  weight: number;
  nextWeight?: number | undefined;
  failing: boolean;
  /** The status last seen on the wire, for the legal-transition check. */
  seen: Status;
}
interface Model {
  endpoints: Map<string, Entry>;
  durations: { creatingSeconds: number; updatingSeconds: number; deletingSeconds: number };
}
interface Real {
  client: SageMakerClient;
  clock: VirtualClock;
}

/** Legal moves between two observations (an observation can skip the middle of one phase, never a phase). */
const NEXT: Record<Status, Status[]> = {
  Creating: ["Creating", "InService", "Failed"],
  InService: ["InService", "Updating", "Deleting"],
  Updating: ["Updating", "InService"],
  Failed: ["Failed", "Deleting"],
  Deleting: ["Deleting"],
};

/** Plays every phase that has ended by `now`, one step at a time. */
function settle(m: Model, now: number): void {
  for (const [key, e] of m.endpoints) {
    if (e.endsAt > now) continue;
    if (e.status === "Creating") e.status = e.failing ? "Failed" : "InService";
    else if (e.status === "Updating") {
      e.status = "InService";
      // UpdateEndpoint deploys the new config's variant properties (weight 1.0 in both configs here);
      // UpdateEndpointWeightsAndCapacities applies the requested weight.
      e.weight = e.nextConfig !== undefined ? 1 : (e.nextWeight ?? e.weight);
      e.configName = e.nextConfig ?? e.configName;
      e.nextConfig = e.nextWeight = undefined;
    } else if (e.status === "Deleting") m.endpoints.delete(key);
  }
}

function check(d: DescribeEndpointOutput, e: Entry, now: number): void {
  expect(NEXT[e.seen]).toContain(d.EndpointStatus);
  expect(d.EndpointStatus).toBe(e.status);
  // The config name switches only when Updating ends.
  expect(d.EndpointConfigName).toBe(e.configName);
  expect(d.EndpointArn).toBe(arnOf("endpoint", e.name));
  expect(d.EndpointName).toBe(e.name);
  expect(d.CreationTime!.getTime()).toBeLessThanOrEqual(d.LastModifiedTime!.getTime());
  expect(d.LastModifiedTime!.getTime()).toBeLessThanOrEqual(now);
  expect(d.FailureReason !== undefined).toBe(e.status === "Failed");
  expect(d.PendingDeploymentSummary?.EndpointConfigName).toBe(e.status === "Creating" ? e.configName : e.nextConfig);
  const variant = d.ProductionVariants?.[0];
  const deployed = e.status !== "Creating" && !(e.status === "Failed" || (e.status === "Deleting" && e.failing));
  expect(variant !== undefined).toBe(deployed);
  if (variant) {
    expect(variant.CurrentWeight).toBe(e.weight);
    expect(variant.DesiredWeight).toBe(e.nextWeight ?? e.weight);
  }
  e.seen = e.status;
}

const sendAndExpect = async (call: () => Promise<unknown>, message: string | undefined): Promise<boolean> => {
  if (message === undefined) {
    await call();
    return true;
  }
  const error = await errorOf(call);
  expect([error.name, error.message]).toEqual(["ValidationException", message]);
  return false;
};
const notFound = (name: string) => `Could not find endpoint "${arnOf("endpoint", name)}".`;
const inProgress = (name: string) => `Cannot update in-progress endpoint "${arnOf("endpoint", name)}".`;

abstract class Command implements fc.AsyncCommand<Model, Real> {
  constructor(readonly name: string) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    settle(m, r.clock.now());
    await this.act(m, r, m.endpoints.get(this.name.toLowerCase()), r.clock.now());
  }
  abstract act(m: Model, r: Real, e: Entry | undefined, now: number): Promise<void>;
  toString = (): string => `${this.constructor.name.toLowerCase()}(${this.name})`;
}

class Create extends Command {
  async act(m: Model, r: Real, e: Entry | undefined, now: number): Promise<void> {
    const call = () => r.client.send(new CreateEndpointCommand({ EndpointName: this.name, EndpointConfigName: "cfg-a" }));
    if (!(await sendAndExpect(call, e && `Cannot create already existing endpoint "${arnOf("endpoint", e.name)}".`))) return;
    const failing = /^fail/i.test(this.name);
    const entry: Entry = {
      name: this.name,
      status: "Creating",
      endsAt: now + m.durations.creatingSeconds * 1000,
      configName: "cfg-a",
      weight: 1,
      failing,
      seen: "Creating",
    };
    m.endpoints.set(this.name.toLowerCase(), entry);
  }
}

class Describe extends Command {
  async act(_m: Model, r: Real, e: Entry | undefined, now: number): Promise<void> {
    const call = () => r.client.send(new DescribeEndpointCommand({ EndpointName: this.name }));
    if (!e) return void (await sendAndExpect(call, notFound(this.name)));
    check(await call(), e, now);
  }
}

/** Rejections shared by UpdateEndpoint and UpdateEndpointWeightsAndCapacities. */
function updateRejection(name: string, e: Entry | undefined): string | undefined {
  if (!e) return notFound(name);
  if (e.status === "Failed") return `Cannot update failed endpoint "${arnOf("endpoint", name)}".`;
  return e.status === "InService" ? undefined : inProgress(name);
}

class Update extends Command {
  async act(m: Model, r: Real, e: Entry | undefined, now: number): Promise<void> {
    const target = e?.configName === "cfg-a" ? "cfg-b" : "cfg-a";
    const call = () => r.client.send(new UpdateEndpointCommand({ EndpointName: this.name, EndpointConfigName: target }));
    if (!(await sendAndExpect(call, updateRejection(this.name, e)))) return;
    Object.assign(e!, { status: "Updating", endsAt: now + m.durations.updatingSeconds * 1000, nextConfig: target, seen: "Updating" });
  }
}

class Reweigh extends Command {
  async act(m: Model, r: Real, e: Entry | undefined, now: number): Promise<void> {
    const weight = (e?.weight ?? 1) + 1;
    const call = () =>
      r.client.send(
        new UpdateEndpointWeightsAndCapacitiesCommand({
          EndpointName: this.name,
          DesiredWeightsAndCapacities: [{ VariantName: "AllTraffic", DesiredWeight: weight }],
        }),
      );
    if (!(await sendAndExpect(call, updateRejection(this.name, e)))) return;
    Object.assign(e!, { status: "Updating", endsAt: now + m.durations.updatingSeconds * 1000, nextWeight: weight, seen: "Updating" });
  }
}

class Delete extends Command {
  async act(m: Model, r: Real, e: Entry | undefined, now: number): Promise<void> {
    const call = () => r.client.send(new DeleteEndpointCommand({ EndpointName: this.name }));
    const rejection = !e ? notFound(this.name) : e.status === "InService" || e.status === "Failed" ? undefined : inProgress(this.name);
    if (!(await sendAndExpect(call, rejection))) return;
    Object.assign(e!, { status: "Deleting", endsAt: now + m.durations.deletingSeconds * 1000, seen: "Deleting" });
    settle(m, now);
  }
}

class List extends Command {
  async act(m: Model, r: Real): Promise<void> {
    const page = await r.client.send(new ListEndpointsCommand({ MaxResults: 100, SortBy: "Name", SortOrder: "Ascending" }));
    // Deleted endpoints are gone from listings as soon as Deleting ends.
    // SortBy=Name is binary order on the names as given ([INF], as for every List*).
    const expected = [...m.endpoints.values()].map((e) => [e.name, e.status]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));
    expect(page.Endpoints!.map((s) => [s.EndpointName, s.EndpointStatus])).toEqual(expected);
  }
}

class Advance extends Command {
  async act(_m: Model, r: Real): Promise<void> {
    await r.clock.advance(Number(this.name) * 1000);
  }
}

describe("endpoints, model-based", () => {
  it("property: statuses follow the step-by-step model along legal transitions only, the config name switches only when Updating ends, deleted endpoints are gone, and every rejection has the real text", async () => {
    // Case variants of few names, so case-insensitive uniqueness is exercised and endpoints get reused.
    const name = fc.constantFrom("ep-a", "EP-A", "ep-b", "fail-c", "Fail-C");
    const commands = [
      name.map((n) => new Create(n)),
      name.map((n) => new Describe(n)),
      name.map((n) => new Update(n)),
      name.map((n) => new Reweigh(n)),
      name.map((n) => new Delete(n)),
      fc.constant(new List("all")),
      fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 150 })).map((s) => new Advance(String(s))),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.commands(commands, { maxCommands: 60, size: "large" }),
        fc.record({
          creatingSeconds: fc.integer({ min: 0, max: 120 }),
          updatingSeconds: fc.integer({ min: 0, max: 120 }),
          deletingSeconds: fc.integer({ min: 0, max: 30 }),
        }),
        async (cmds, durations) => {
          const { client, clock } = await hostingEmulator({
            durations,
            rules: [{ match: { name: /^fail/i }, outcome: { status: "Failed" } }],
          });
          await client.send(new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: "cfg-a" })));
          await client.send(new CreateEndpointConfigCommand(endpointConfigRequest({ EndpointConfigName: "cfg-b" })));
          await fc.asyncModelRun(() => ({ model: { endpoints: new Map(), durations }, real: { client, clock } }), cmds);
        },
      ),
      { numRuns: 150 },
    );
  });
});
