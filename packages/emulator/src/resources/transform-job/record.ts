import type { CreateTransformJobRequest } from "@aws-sdk/client-sagemaker";
import type { ModelContainer } from "../../containers/serving.js";
import type { Validated } from "../operation.js";
import type { SimpleJobRecord } from "../simple-job/record.js";

/** What the emulator stores for a transform job: its request, plan and events. Status is derived. */
export interface TransformJobRecord extends SimpleJobRecord<Validated<CreateTransformJobRequest>> {
  /** Its model's container as it was when the job was created (deleting the model later changes nothing). */
  readonly model?: ModelContainer | undefined;
}
