import type { CreateTransformJobRequest } from "@aws-sdk/client-sagemaker";
import type { SimpleJobRecord } from "../simple-job/record.js";

/** What the emulator stores for a transform job: its request, plan and events. Status is derived. */
export interface TransformJobRecord extends SimpleJobRecord<CreateTransformJobRequest> {}
