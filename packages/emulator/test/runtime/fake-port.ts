import { seededRandom } from "../../src/random.js";
import type { RuntimeAnswer, RuntimeEndpoint, RuntimeInvocation, RuntimePort, RuntimeVariant } from "../../src/runtime/port.js";
import type { RuntimeContext } from "../../src/runtime/service.js";

/** An endpoint of the fake port: InService with one variant `AllTraffic` unless told, echoing the request unless told. */
export interface FakeEndpoint {
  readonly status?: string;
  readonly variants?: readonly RuntimeVariant[];
  readonly serve?: (variant: string, request: RuntimeInvocation) => RuntimeAnswer;
}

/** A RuntimePort over a fixed table of endpoints that records every invocation it runs. */
export class FakeRuntimePort implements RuntimePort {
  readonly calls: { endpoint: string; variant: string; request: RuntimeInvocation }[] = [];
  readonly #endpoints: Readonly<Record<string, FakeEndpoint>>;

  constructor(endpoints: Readonly<Record<string, FakeEndpoint>>) {
    this.#endpoints = endpoints;
  }

  endpoint(name: string): RuntimeEndpoint | undefined {
    const found = Object.hasOwn(this.#endpoints, name) ? this.#endpoints[name] : undefined;
    if (!found) return undefined;
    return {
      status: found.status ?? "InService",
      arn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${name.toLowerCase()}`,
      variants: found.variants ?? [{ name: "AllTraffic", weight: 1 }],
    };
  }

  invoke(endpoint: string, variant: string, request: RuntimeInvocation): RuntimeAnswer {
    this.calls.push({ endpoint, variant, request });
    const serve = this.#endpoints[endpoint]?.serve ?? echo;
    return serve(variant, request);
  }
}

const echo = (_variant: string, request: RuntimeInvocation): RuntimeAnswer => ({ body: request.body, contentType: request.contentType });

/** The context the tests serve with: account 123456789012 in us-east-1, a seeded draw. */
export function runtimeContext(seed = 7, requestId = "req-1"): RuntimeContext {
  return { requestId, accountId: "123456789012", region: "us-east-1", random: seededRandom(seed).next };
}
