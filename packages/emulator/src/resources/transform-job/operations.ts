import { validationError } from "../../errors.js";
import type { Kit } from "../kind.js";
import { modelNotFound } from "../model/errors.js";
import { modelKind } from "../model/kind.js";
import { modelImages } from "../model/record.js";
import type { Operations } from "../operation.js";
import { TRANSFORM_JOB } from "../simple-job/errors.js";
import { listSimpleJobs } from "../simple-job/kind.js";
import { planSimpleJob } from "../simple-job/plan.js";
import { newSimpleJobRecord, withStopRequest } from "../simple-job/record.js";
import { checkTransformRequest } from "./check-request.js";
import { describeTransformJob, summarizeTransformJob } from "./describe.js";
import type { TransformJobRecord } from "./record.js";

/** [OBS] the FailureReason failed batch transforms report when the container errs (public run logs). */
const DEFAULT_TRANSFORM_FAILURE_REASON = "ClientError: See job logs for more information";

/**
 * StopTransformJob of a job that does not exist. [OBS] comic/grand-challenge client code treats
 * this text as "job was never created"; [INF] that StopTransformJob is the operation giving it.
 */
const stopTargetNotFound = (name: string) => validationError(`Could not find job to update with name ${name}`);

export function transformJobOperations(kit: Kit<TransformJobRecord>): Operations {
  const models = kit.read(modelKind);
  return {
    CreateTransformJob(input) {
      const name = input.TransformJobName;
      kit.checkNameFree(name);
      checkTransformRequest(input);
      // [DOC] "ModelName must be the name of an existing Amazon SageMaker model"; the text is the
      // model family's "Could not find model" ([OBS] for CreateEndpoint, [INF] here).
      const model = models.get(input.ModelName);
      if (!model) throw validationError(modelNotFound(kit.ctx.arn("model", input.ModelName)));
      const plan = planSimpleJob(
        kit.ctx,
        { name, image: modelImages(model)[0] },
        { defaultFailureReason: DEFAULT_TRANSFORM_FAILURE_REASON },
      );
      const record = kit.create(name, (arn) => newSimpleJobRecord({ name, arn, request: input, plan, tags: input.Tags }));
      return { TransformJobArn: record.arn };
    },

    DescribeTransformJob: (input) => describeTransformJob(kit.find(input.TransformJobName), kit.now()),

    ListTransformJobs(input) {
      const { items, nextToken } = listSimpleJobs(kit, input, summarizeTransformJob);
      return { TransformJobSummaries: items, NextToken: nextToken };
    },

    StopTransformJob(input) {
      const record = kit.table.get(input.TransformJobName);
      if (!record) throw stopTargetNotFound(input.TransformJobName);
      // [DOC] StopTransformJob: "the status of the job changes to Stopping. After Amazon SageMaker
      // stops the job, the status is set to Stopped."
      kit.save(withStopRequest(record, kit.now(), TRANSFORM_JOB));
      return {};
    },
  };
}
