import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  waitUntilEndpointInService,
} from "@aws-sdk/client-sagemaker";
import { expect } from "vitest";
import { endpointConfigRequest, endpointRequest, modelRequest } from "../fixtures/hosting.js";
import type { FrontDoor } from "./front-door.js";

/** Hosting behaviour every front door must carry unchanged (waiters-2.json's EndpointInService acceptors). */
export const ENDPOINT_CASES: Readonly<Record<string, (door: FrontDoor) => Promise<void>>> = {
  "brings an endpoint from Creating to InService, seen by the SDK's waitUntilEndpointInService": async (door) => {
    await door.client.send(new CreateModelCommand(modelRequest()));
    await door.client.send(new CreateEndpointConfigCommand(endpointConfigRequest()));
    await door.client.send(new CreateEndpointCommand(endpointRequest()));
    const describe = () => door.client.send(new DescribeEndpointCommand({ EndpointName: "churn-endpoint" }));
    expect((await describe()).EndpointStatus).toBe("Creating");
    const waiting = waitUntilEndpointInService(
      { client: door.client, maxWaitTime: 20, minDelay: 0.01, maxDelay: 0.05 },
      { EndpointName: "churn-endpoint" },
    );
    await door.advance(3600);
    expect((await waiting).state).toBe("SUCCESS");
    expect((await describe()).EndpointStatus).toBe("InService");
  },
};
