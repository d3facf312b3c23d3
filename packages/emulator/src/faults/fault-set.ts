import type { CreateTrainingJobRequest } from "@aws-sdk/client-sagemaker";
import { mulberry32, seededRandom, type Random } from "../random.js";
import type { ServiceName } from "../service-router.js";
import type { WireRequest } from "../wire/aws-json.js";
import type { RefusalFault } from "./answers.js";
import { checkFaults, instantOf } from "./check.js";
import { checkInstanceQuotas } from "./instance-quota.js";
import { trainingFaultPlan, type TrainingFaultPlan } from "./job-faults.js";
import { requestSubject, type RequestSubject } from "./subject.js";
import { isRequestFault, type EmulatorFault, type JobFault, type RequestFault } from "./types.js";

/** What the emulator tells its faults about itself. */
export interface FaultHost {
  readonly seed: number;
  readonly region: string;
  /** A stable seed for a key (the emulator's seed and the key): a job fault's draw never depends on request order. */
  seedFor(key: string): number;
  /** The instances, by type, of the training jobs running (InProgress or Stopping) at `now`, read from the store. */
  runningInstances(now: number): ReadonlyMap<string, number>;
}

interface Windowed<F> {
  readonly fault: F;
  readonly index: number;
  readonly from: number;
  readonly until: number;
}

/**
 * The faults an emulator injects now; {@link FaultSet.replace} swaps them at run time (the
 * admin route, `emulator.setFaults`), and jobs already created keep the plan they got.
 *
 * Request faults with a rate draw from their own seeded stream, in the order requests arrive, so a
 * seed replays the same faults for the same requests; a job fault's draw is a hash of the seed,
 * the fault and the job's name, so it does not depend on what else was created before.
 */
export class FaultSet {
  readonly #host: FaultHost;
  #faults: readonly EmulatorFault[] = [];
  #requestFaults: readonly Windowed<RequestFault>[] = [];
  #jobFaults: readonly Windowed<JobFault>[] = [];
  #draws: Random;

  constructor(faults: readonly EmulatorFault[], host: FaultHost) {
    this.#host = host;
    this.#draws = seededRandom(host.seed ^ 0x3c6ef372);
    this.replace(faults);
  }

  /** The faults as they were given. */
  list(): readonly EmulatorFault[] {
    return this.#faults;
  }

  /** Checks and installs `faults` in place of the current ones; an empty list clears them. */
  replace(faults: readonly EmulatorFault[]): void {
    checkFaults(faults);
    const windowed = faults.map((fault, index) => ({
      fault,
      index,
      from: fault.from === undefined ? Number.NEGATIVE_INFINITY : instantOf(fault.from),
      until: fault.until === undefined ? Number.POSITIVE_INFINITY : instantOf(fault.until),
    }));
    this.#faults = [...faults];
    this.#requestFaults = windowed.filter((w): w is Windowed<RequestFault> => isRequestFault(w.fault));
    this.#jobFaults = windowed.filter((w): w is Windowed<JobFault> => !isRequestFault(w.fault));
    this.#draws = seededRandom(this.#host.seed ^ 0x3c6ef372);
  }

  /** Whether any request fault is set: the front doors' fast path when none is. */
  get hasRequestFaults(): boolean {
    return this.#requestFaults.length > 0;
  }

  /** The refusal a request gets instead of its answer, if a throttling or internalFailure fault hits it. */
  refusal(service: ServiceName, request: WireRequest, now: number): { fault: RefusalFault; subject: RequestSubject } | undefined {
    const subject = this.#subject(service, request);
    for (const windowed of this.#requestFaults) {
      const { fault } = windowed;
      if (fault.fault === "latency" || !this.#requestHits(windowed, service, subject, now)) continue;
      return { fault: fault.fault, subject: subject() };
    }
    return undefined;
  }

  /** The wall-clock milliseconds a request's answer is held back: every latency fault that hits it adds its `ms`. */
  delayMs(service: ServiceName, request: WireRequest, now: number): number {
    const subject = this.#subject(service, request);
    let ms = 0;
    for (const windowed of this.#requestFaults) {
      if (windowed.fault.fault === "latency" && this.#requestHits(windowed, service, subject, now)) ms += windowed.fault.ms;
    }
    return ms;
  }

  /**
   * Refuses a CreateTrainingJob at `now` with ResourceLimitExceeded when an instance quota would
   * be passed. Only the operation's own requests: a tuning job's children are planned with the
   * tuning job, long before they launch.
   */
  checkQuotas(request: CreateTrainingJobRequest, now: number): void {
    const quotas = this.#liveJobFaults(request, now).flatMap((fault) => (fault.fault === "instanceQuota" ? [fault] : []));
    checkInstanceQuotas(quotas, request, () => this.#host.runningInstances(now));
  }

  /** What the job faults add to a new training job's plan, at its creation `now` (a tuning job's children too). */
  planTrainingJob(request: CreateTrainingJobRequest, now: number): TrainingFaultPlan {
    return trainingFaultPlan(this.#liveJobFaults(request, now), request);
  }

  /** The job faults whose window holds `now` and whose draw picks this job (by name). */
  #liveJobFaults(request: CreateTrainingJobRequest, now: number): JobFault[] {
    if (this.#jobFaults.length === 0) return [];
    const name = request.TrainingJobName ?? "";
    const draw = (index: number) => mulberry32(this.#host.seedFor(`fault:${index}:${name}`))();
    return this.#jobFaults.filter((w) => now >= w.from && now < w.until && drawn(w.fault.rate, () => draw(w.index))).map((w) => w.fault);
  }

  /** The request's subject, read once and only when a fault asks for it. */
  #subject(service: ServiceName, request: WireRequest): () => RequestSubject {
    let subject: RequestSubject | undefined;
    return () => (subject ??= requestSubject(service, request, this.#host.region));
  }

  #requestHits(windowed: Windowed<RequestFault>, service: ServiceName, subject: () => RequestSubject, now: number): boolean {
    const { fault } = windowed;
    if (now < windowed.from || now >= windowed.until) return false;
    const match = fault.match;
    if (match?.service !== undefined && match.service !== service) return false;
    if (match?.operation !== undefined && !fits(match.operation, subject().operation, false)) return false;
    if (match?.resource !== undefined && !fits(match.resource, subject().resource, true)) return false;
    return drawn(fault.rate, () => this.#draws.next());
  }
}

/** Whether a fault of this rate hits: always at 1 (or unset) without drawing, so rate-free faults never shift the stream. */
function drawn(rate: number | undefined, draw: () => number): boolean {
  if (rate === undefined || rate >= 1) return true;
  if (rate <= 0) return false;
  return draw() < rate;
}

function fits(expected: string | RegExp, actual: string | undefined, caseInsensitive: boolean): boolean {
  if (actual === undefined) return false;
  if (typeof expected !== "string") return expected.test(actual);
  return caseInsensitive ? expected.toLowerCase() === actual.toLowerCase() : expected === actual;
}
