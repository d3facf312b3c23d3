import type {
  CreateHyperParameterTuningJobCommandInput,
  CreateProcessingJobCommandInput,
  CreateTrainingJobCommandInput,
  CreateTransformJobCommandInput,
  HyperParameterTrainingJobDefinition,
  ParameterRanges,
} from "@aws-sdk/client-sagemaker";
import { builtInCaps } from "./built-in-caps.js";
import { smallestInstanceType } from "./instance-families.js";
import { memberPath } from "./member-path.js";

/** The Create request of each job kind test mode applies to. */
export interface TestModeRequests {
  training: CreateTrainingJobCommandInput;
  processing: CreateProcessingJobCommandInput;
  transform: CreateTransformJobCommandInput;
  tuning: CreateHyperParameterTuningJobCommandInput;
}

/** A job kind test mode applies to. */
export type TestModeJobKind = keyof TestModeRequests;

/**
 * How test mode shrinks a job: every member is optional and falls back to its default. Test mode
 * only ever lowers what the request asks for (a smaller limit in the request stays).
 */
export interface TestModeProfile {
  /**
   * The longest a training or processing job (each training job of a tuning job) may run.
   * @defaultValue 600
   */
  maxRuntimeInSeconds?: number;
  /**
   * The instance type every job runs on. By default each job gets the smallest size of its own
   * instance family (`ml.m5.4xlarge` → `ml.m5.large`), and keeps its type when the family is unknown.
   */
  instanceType?: string;
  /**
   * The most training jobs a tuning job launches (`ResourceLimits.MaxNumberOfTrainingJobs`).
   * @defaultValue 2
   */
  maxNumberOfTrainingJobs?: number;
  /**
   * The most training jobs a tuning job runs at once (`ResourceLimits.MaxParallelTrainingJobs`).
   * @defaultValue 1
   */
  maxParallelTrainingJobs?: number;
  /**
   * Hyperparameters set on every training job, whatever its image, e.g. `{ epochs: "1", test_mode:
   * "true" }` for a training script that reads a `test_mode` flag. They win over the built-in
   * algorithms' caps. A tuning job's tuned hyperparameters are left to their ranges. A built-in
   * algorithm refuses a hyperparameter it does not know, so name only ones your images accept.
   */
  hyperParameters?: Readonly<Record<string, string>>;
}

/** One member test mode changed: where (`ResourceConfig.InstanceType`), from what, to what, and why. */
export interface TestModeChange {
  path: string;
  from: unknown;
  to: unknown;
  why: string;
}

/** A request with test mode applied, and every change made to it. */
export interface TestModeResult<Request> {
  request: Request;
  changes: TestModeChange[];
}

const MIN_TUNING_RUNTIME_SECONDS = 120;

const DEFAULTS = { maxRuntimeInSeconds: 600, maxNumberOfTrainingJobs: 2, maxParallelTrainingJobs: 1 } as const;

type Settings = Required<Omit<TestModeProfile, "instanceType">> & Pick<TestModeProfile, "instanceType">;

/**
 * A copy of a Create request shrunk for a cheap, quick trial run, and the list of what changed:
 * runtimes capped (`StoppingCondition.MaxRuntimeInSeconds`, at most 600 s by default), the
 * smallest instance of each family and one instance, built-in algorithms' costly hyperparameters
 * lowered (linear learner `epochs`, XGBoost `num_round`, k-NN `sample_size`), the profile's
 * hyperparameters set, and a tuning job cut to 2 training jobs, one at a time. Nothing else is
 * touched; the request passed in is not modified. Applying it twice changes nothing more.
 *
 * @example
 * ```ts
 * const { request, changes } = applyTestMode("training", createTrainingJobInput, { hyperParameters: { test_mode: "true" } });
 * await runTrainingJob(request, options);
 * ```
 * @see https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_StoppingCondition.html
 */
export function applyTestMode<Kind extends TestModeJobKind>(
  kind: Kind,
  request: TestModeRequests[Kind],
  profile: TestModeProfile = {},
): TestModeResult<TestModeRequests[Kind]> {
  const settings = resolveProfile(profile);
  const copy = structuredClone(request);
  const changes: TestModeChange[] = [];
  const shrink = new Shrink(settings, changes);
  switch (kind) {
    case "training":
      shrink.training(copy as CreateTrainingJobCommandInput);
      break;
    case "processing":
      shrink.processing(copy as CreateProcessingJobCommandInput);
      break;
    case "transform":
      shrink.transform(copy as CreateTransformJobCommandInput);
      break;
    case "tuning":
      shrink.tuning(copy as CreateHyperParameterTuningJobCommandInput);
      break;
    default:
      throw new TypeError(
        `applyTestMode: unknown job kind [${String(kind)}]. Please pass "training", "processing", "transform" or "tuning".`,
      );
  }
  return { request: copy, changes };
}

function resolveProfile(profile: TestModeProfile): Settings {
  const settings: Settings = {
    maxRuntimeInSeconds: profile.maxRuntimeInSeconds ?? DEFAULTS.maxRuntimeInSeconds,
    maxNumberOfTrainingJobs: profile.maxNumberOfTrainingJobs ?? DEFAULTS.maxNumberOfTrainingJobs,
    maxParallelTrainingJobs: profile.maxParallelTrainingJobs ?? DEFAULTS.maxParallelTrainingJobs,
    hyperParameters: profile.hyperParameters ?? {},
  };
  for (const option of ["maxRuntimeInSeconds", "maxNumberOfTrainingJobs", "maxParallelTrainingJobs"] as const) {
    const value = settings[option];
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(
        `Test mode profile option ${option} [${String(value)}] must be a whole number of at least 1. Please pass one, or leave it out.`,
      );
    }
  }
  for (const [name, value] of Object.entries(settings.hyperParameters)) {
    if (typeof value !== "string") {
      throw new TypeError(
        `Test mode profile hyperparameter ${name} [${String(value)}] must be a string, as SageMaker's are. Please pass "${String(value)}".`,
      );
    }
  }
  if (profile.instanceType !== undefined) {
    if (typeof profile.instanceType !== "string" || !profile.instanceType.startsWith("ml.")) {
      throw new TypeError(
        `Test mode profile option instanceType [${String(profile.instanceType)}] must be a SageMaker instance type. Please pass one such as "ml.m5.large".`,
      );
    }
    settings.instanceType = profile.instanceType;
  }
  return settings;
}

/** The members holding an instance type and count (ResourceConfig, ProcessingClusterConfig, TransformResources, …). */
interface Instances {
  InstanceType?: string | undefined;
  InstanceCount?: number | undefined;
}

interface Stopping {
  MaxRuntimeInSeconds?: number | undefined;
  MaxWaitTimeInSeconds?: number | undefined;
}

/** Shrinks one request in place (a copy), recording each change. */
class Shrink {
  constructor(
    private readonly settings: Settings,
    private readonly changes: TestModeChange[],
  ) {}

  training(request: CreateTrainingJobCommandInput): void {
    this.instances(request.ResourceConfig, "ResourceConfig", "training");
    request.StoppingCondition = this.stopping(request.StoppingCondition, "StoppingCondition");
    request.HyperParameters = this.hyperParameters(
      request.HyperParameters,
      "HyperParameters",
      request.AlgorithmSpecification?.TrainingImage,
      new Set(),
    );
  }

  processing(request: CreateProcessingJobCommandInput): void {
    this.instances(request.ProcessingResources?.ClusterConfig, "ProcessingResources.ClusterConfig", "processing");
    request.StoppingCondition = this.stopping(request.StoppingCondition, "StoppingCondition");
  }

  transform(request: CreateTransformJobCommandInput): void {
    this.instances(request.TransformResources, "TransformResources", "transform");
  }

  tuning(request: CreateHyperParameterTuningJobCommandInput): void {
    const config = request.HyperParameterTuningJobConfig;
    const limits = config?.ResourceLimits;
    if (limits !== undefined) {
      const jobs = Math.min(limits.MaxNumberOfTrainingJobs ?? Infinity, this.settings.maxNumberOfTrainingJobs);
      this.set(
        limits,
        "MaxNumberOfTrainingJobs",
        "HyperParameterTuningJobConfig.ResourceLimits.MaxNumberOfTrainingJobs",
        jobs,
        `at most ${jobs} training jobs in test mode`,
      );
      const parallel = Math.min(limits.MaxParallelTrainingJobs ?? Infinity, this.settings.maxParallelTrainingJobs, jobs);
      this.set(
        limits,
        "MaxParallelTrainingJobs",
        "HyperParameterTuningJobConfig.ResourceLimits.MaxParallelTrainingJobs",
        parallel,
        `at most ${parallel} training jobs at once in test mode`,
      );
      if (limits.MaxRuntimeInSeconds !== undefined) {
        // Room for every training job at its own cap, run `parallel` at a time, and no less than the
        // 120 s the API accepts (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ResourceLimits.html).
        const rounds = Math.ceil(jobs / parallel);
        const cap = Math.min(limits.MaxRuntimeInSeconds, Math.max(MIN_TUNING_RUNTIME_SECONDS, this.settings.maxRuntimeInSeconds * rounds));
        this.set(
          limits,
          "MaxRuntimeInSeconds",
          "HyperParameterTuningJobConfig.ResourceLimits.MaxRuntimeInSeconds",
          cap,
          `${rounds} round(s) of training jobs of at most ${this.settings.maxRuntimeInSeconds} s`,
        );
      }
    }
    if (request.TrainingJobDefinition !== undefined) {
      this.definition(request.TrainingJobDefinition, "TrainingJobDefinition", config?.ParameterRanges);
    }
    request.TrainingJobDefinitions?.forEach((definition, index) => {
      this.definition(definition, `TrainingJobDefinitions[${index}]`, definition.HyperParameterRanges);
    });
  }

  private definition(definition: HyperParameterTrainingJobDefinition, path: string, ranges: ParameterRanges | undefined): void {
    this.instances(definition.ResourceConfig, `${path}.ResourceConfig`, "training");
    this.instances(definition.HyperParameterTuningResourceConfig, `${path}.HyperParameterTuningResourceConfig`, "training");
    definition.StoppingCondition = this.stopping(definition.StoppingCondition, `${path}.StoppingCondition`);
    definition.StaticHyperParameters = this.hyperParameters(
      definition.StaticHyperParameters,
      `${path}.StaticHyperParameters`,
      definition.AlgorithmSpecification?.TrainingImage,
      tunedNames(ranges),
    );
  }

  private instances(instances: Instances | undefined, path: string, kind: "training" | "processing" | "transform"): void {
    if (instances === undefined) return;
    const type = instances.InstanceType;
    if (type !== undefined) {
      const named = this.settings.instanceType;
      const smaller = named ?? smallestInstanceType(type, kind);
      if (smaller !== undefined) {
        const why = named === undefined ? `the smallest size of its family in test mode` : "the test mode profile's instance type";
        this.set(instances, "InstanceType", `${path}.InstanceType`, smaller, why);
      }
    }
    if (instances.InstanceCount !== undefined && instances.InstanceCount > 1) {
      this.set(instances, "InstanceCount", `${path}.InstanceCount`, 1, "a single instance in test mode");
    }
  }

  /** The stopping condition with its runtime capped: added when missing, never above a spot job's MaxWaitTimeInSeconds. */
  private stopping<Condition extends Stopping>(condition: Condition | undefined, path: string): Condition {
    const capped = condition ?? ({} as Condition);
    const cap = Math.min(
      capped.MaxRuntimeInSeconds ?? Infinity,
      this.settings.maxRuntimeInSeconds,
      capped.MaxWaitTimeInSeconds ?? Infinity,
    );
    const why =
      cap < this.settings.maxRuntimeInSeconds
        ? `kept at most MaxWaitTimeInSeconds (${cap} s)`
        : `at most ${this.settings.maxRuntimeInSeconds} s in test mode`;
    this.set(capped, "MaxRuntimeInSeconds", `${path}.MaxRuntimeInSeconds`, cap, why);
    return capped;
  }

  private hyperParameters(
    current: Record<string, string> | undefined,
    path: string,
    image: string | undefined,
    tuned: ReadonlySet<string>,
  ): Record<string, string> | undefined {
    // The profile's values win over the built-in caps: one value, and one change, per name.
    const wanted = new Map(builtInCaps(image, current ?? {}).map(([name, value, why]) => [name, [value, why]] as const));
    for (const [name, value] of Object.entries(this.settings.hyperParameters)) wanted.set(name, [value, "set by the test mode profile"]);
    const params = current ?? {};
    for (const [name, [value, why]] of wanted) {
      if (tuned.has(name)) continue;
      this.set(params, name, memberPath(path, name), value, why);
    }
    return current === undefined && Object.keys(params).length === 0 ? undefined : params;
  }

  /** Sets `target[key]` to `to` and records the change, unless it already holds `to`. */
  private set<Target extends object, Key extends keyof Target>(target: Target, key: Key, path: string, to: Target[Key], why: string): void {
    const from = Object.hasOwn(target, key) ? target[key] : undefined;
    if (Object.is(from, to)) return;
    target[key] = to;
    this.changes.push({ path, from, to, why });
  }
}

/** The hyperparameters a tuning job tunes: test mode leaves them to their ranges. */
function tunedNames(ranges: ParameterRanges | undefined): Set<string> {
  const named = [
    ...(ranges?.IntegerParameterRanges ?? []),
    ...(ranges?.ContinuousParameterRanges ?? []),
    ...(ranges?.CategoricalParameterRanges ?? []),
    ...(ranges?.AutoParameters ?? []),
  ];
  return new Set(named.flatMap((range) => (range.Name === undefined ? [] : [range.Name])));
}
