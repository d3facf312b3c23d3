import type { CreateEndpointConfigInput } from "@aws-sdk/client-sagemaker";
import type { StoredRecord } from "../../store/kind-table.js";

/** What the emulator stores for an endpoint config: its request and when it was made. No status (docs/fidelity.md §5.6). */
export interface EndpointConfigRecord extends StoredRecord {
  readonly request: CreateEndpointConfigInput;
  readonly createdAt: number;
}
