import type { CreateProcessingJobRequest } from "@aws-sdk/client-sagemaker";
import type { Validated } from "../operation.js";
import type { SimpleJobRecord } from "../simple-job/record.js";

/** What the emulator stores for a processing job: its request, plan and events. Status is derived. */
export interface ProcessingJobRecord extends SimpleJobRecord<Validated<CreateProcessingJobRequest>> {}
