import type { CreateEndpointConfigInput } from "@aws-sdk/client-sagemaker";
import type { TaggedRecord } from "../../store/emulator-store.js";

/** What the emulator stores for an endpoint config: its request and when it was made. No status (§5.6). */
export interface EndpointConfigRecord extends TaggedRecord {
  readonly request: CreateEndpointConfigInput;
  readonly createdAt: number;
}
