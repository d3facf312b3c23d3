import { validationError } from "../../errors.js";
import type { Kit } from "../kind.js";
import { modelNotFound } from "../model/errors.js";
import { modelKind } from "../model/kind.js";
import { modelImages, servingContainer } from "../model/record.js";
import type { Operations } from "../operation.js";
import { TRANSFORM_JOB } from "../simple-job/errors.js";
import { listSimpleJobs } from "../simple-job/kind.js";
import { planSimpleJob } from "../simple-job/plan.js";
import { newSimpleJobRecord, withStopRequest } from "../simple-job/record.js";
import { checkInputsExist } from "../input-data.js";
import { checkTransformRequest } from "./check-request.js";
import { describeTransformJob, summarizeTransformJob } from "./describe.js";
import { DEFAULT_TRANSFORM_FAILURE_REASON } from "./container.js";
import type { TransformJobRecord } from "./record.js";

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
      checkInputsExist(kit.ctx, [input.TransformInput.DataSource.S3DataSource], model.request.ExecutionRoleArn);
      const container = servingContainer(model);
      const plan = planSimpleJob(
        kit.ctx,
        { name, image: modelImages(model)[0] },
        {
          defaultFailureReason: DEFAULT_TRANSFORM_FAILURE_REASON,
          runsCode: container !== undefined && kit.ctx.data.containers.codeFor(container.image)?.serve !== undefined,
        },
      );
      const record = kit.create(name, (arn) => ({
        ...newSimpleJobRecord({ name, arn, request: input, plan, tags: input.Tags }),
        model: container,
      }));
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
