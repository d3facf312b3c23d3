import type { CreateTrainingJobRequest } from "@aws-sdk/client-sagemaker";
import { ServiceError } from "../errors.js";
import { pointAt } from "../lifecycle/timeline.js";
import type { TrainingJobRecord } from "../resources/training-job/record.js";
import type { JobFault } from "./types.js";

type QuotaFault = Extract<JobFault, { fault: "instanceQuota" }>;

/** The instances a training request asks for, by instance type (ResourceConfig, or each of its InstanceGroups). */
function instancesOf(request: CreateTrainingJobRequest): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (type: string | undefined, count: number | undefined) => {
    if (type !== undefined) counts.set(type, (counts.get(type) ?? 0) + (count ?? 1));
  };
  const resources = request.ResourceConfig;
  if (resources?.InstanceGroups?.length) {
    for (const group of resources.InstanceGroups) add(group.InstanceType, group.InstanceCount);
  } else {
    add(resources?.InstanceType, resources?.InstanceCount);
  }
  return counts;
}

/**
 * Refuses a CreateTrainingJob that would take an instance type past its quota, as SageMaker does:
 * ResourceLimitExceeded, `The account-level service limit '<type> for training job usage' is N
 * Instances, with current utilization of M Instances and a request delta of K Instances. …`
 * ([OBS] gabehollombe-aws/jupyter-notebooks#1, aws/amazon-sagemaker-examples#1543; docs/fidelity.md §13).
 * `running` is what the jobs running now hold, counted from the store at this instant (never a
 * counter that could drift from it); a quota without an instance type limits each type alone.
 */
export function checkInstanceQuotas(
  quotas: readonly QuotaFault[],
  request: CreateTrainingJobRequest,
  running: () => ReadonlyMap<string, number>,
): void {
  if (quotas.length === 0) return;
  const asked = instancesOf(request);
  let utilization: ReadonlyMap<string, number> | undefined;
  for (const quota of quotas) {
    for (const [type, delta] of asked) {
      if (quota.instanceType !== undefined && quota.instanceType !== type) continue;
      utilization ??= running();
      const current = utilization.get(type) ?? 0;
      if (current + delta > quota.limit) throw quotaExceeded(type, quota.limit, current, delta);
    }
  }
}

/**
 * The text, with the ending of quotas managed in AWS Service Quotas. Answers up to 2021 end
 * "Please contact AWS support to request an increase for this limit." [OBS] (the issues above);
 * the Service Quotas ending is [INF]: no public thread found shows it for training jobs.
 */
function quotaExceeded(type: string, limit: number, current: number, delta: number): ServiceError {
  return new ServiceError(
    "ResourceLimitExceeded",
    `The account-level service limit '${type} for training job usage' is ${limit} Instances, with current utilization of ` +
      `${current} Instances and a request delta of ${delta} Instances. Please use AWS Service Quotas to request an increase ` +
      "for this quota. If AWS Service Quotas is not available, contact AWS support to request an increase for this quota.",
  );
}

/** What the training jobs running (InProgress or Stopping: their instances are up or launching) at `now` hold, by instance type. */
export function runningInstances(jobs: Iterable<TrainingJobRecord>, now: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const job of jobs) {
    const status = pointAt(job.timeline, now).state.status;
    if (status !== "InProgress" && status !== "Stopping") continue;
    for (const [type, count] of instancesOf(job.request)) counts.set(type, (counts.get(type) ?? 0) + count);
  }
  return counts;
}
