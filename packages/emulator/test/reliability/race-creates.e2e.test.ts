import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainingJobRequest } from "../fixtures.js";
import { modelRequest } from "../fixtures/hosting.js";
import { processingJobRequest } from "../fixtures/jobs.js";
import { tuningJobRequest } from "../fixtures/tuning.js";
import { pause, type RaceServer, raceServer } from "./race-server.js";

/**
 * Concurrent creates over HTTP, many clients at once, of a few names each sent in several cases:
 * SageMaker names are unique whatever their case (docs/fidelity.md §3), so exactly one create per
 * name wins, every other gets the kind's duplicate error (§2.2), and the listing shows one.
 * CloudWatch Logs names are case-sensitive (§10): there each exact name wins once.
 */
interface Kind {
  readonly create: string;
  request(name: string): object;
  /** The duplicate's code and the start of its text (docs/fidelity.md §2.2). */
  readonly duplicate: readonly [code: string, text: string];
  /** The names the listing shows that contain `part`. */
  listed(race: RaceServer, part: string): Promise<string[]>;
}

const list =
  (operation: string, member: string, name: string) =>
  async (race: RaceServer, part: string): Promise<string[]> => {
    const { body } = await race.call(operation, { NameContains: part, MaxResults: 100 });
    return (body[member] as Record<string, string>[]).map((summary) => summary[name]!);
  };

const KINDS: Record<string, Kind> = {
  "training job": {
    create: "CreateTrainingJob",
    request: (name) => trainingJobRequest({ TrainingJobName: name }),
    duplicate: ["ResourceInUse", "Training job names must be unique within an AWS account and region"],
    listed: list("ListTrainingJobs", "TrainingJobSummaries", "TrainingJobName"),
  },
  "processing job": {
    create: "CreateProcessingJob",
    request: (name) => processingJobRequest({ ProcessingJobName: name }),
    duplicate: ["ResourceInUse", "Processing job names must be unique within an AWS account and region"],
    listed: list("ListProcessingJobs", "ProcessingJobSummaries", "ProcessingJobName"),
  },
  "tuning job": {
    create: "CreateHyperParameterTuningJob",
    request: (name) => tuningJobRequest({ HyperParameterTuningJobName: name }),
    duplicate: ["ResourceInUse", "A hyperparameter tuning job with the name"],
    listed: list("ListHyperParameterTuningJobs", "HyperParameterTuningJobSummaries", "HyperParameterTuningJobName"),
  },
  model: {
    create: "CreateModel",
    request: (name) => modelRequest({ ModelName: name }),
    duplicate: ["ValidationException", "Cannot create already existing model"],
    listed: list("ListModels", "Models", "ModelName"),
  },
};

/** Base names for one run and how each is cased by each client. */
const names = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{2,8}$/), { minLength: 1, maxLength: 3 });
const casing = fc.array(fc.tuple(fc.boolean(), fc.nat(3)), { minLength: 2, maxLength: 5 });

/** `name` with the letters `upper` picks in capitals. */
function cased(name: string, [first, every]: [boolean, number]): string {
  return [...name].map((c, i) => ((first && i === 0) || (every > 0 && i % (every + 1) === 0) ? c.toUpperCase() : c)).join("");
}

describe("reliability: concurrent creates over HTTP", () => {
  let race: RaceServer;
  beforeAll(async () => {
    race = await raceServer();
  });
  afterAll(async () => race?.close());

  let run = 0;
  for (const [kind, spec] of Object.entries(KINDS)) {
    it(`property (${kind}): of concurrent creates of one name in mixed case exactly one wins, the rest get the duplicate error, the listing shows one`, async () => {
      await fc.assert(
        fc.asyncProperty(
          names,
          fc.array(casing, { minLength: 3, maxLength: 3 }),
          fc.array(fc.nat(3), { maxLength: 20 }),
          async (bases, casings, jitter) => {
            run++;
            const tagged = bases.map((base) => `${base}r${run}`);
            const attempts = tagged.flatMap((base, i) => casings[i]!.map((how) => ({ base, name: cased(base, how) })));
            const answers = await Promise.all(
              attempts.map(async ({ base, name }, i) => {
                await pause(jitter[i % Math.max(jitter.length, 1)] ?? 0);
                return { base, ...(await race.call(spec.create, spec.request(name))) };
              }),
            );
            for (const base of tagged) {
              const mine = answers.filter((answer) => answer.base === base);
              expect(
                mine.filter((answer) => answer.status === 200),
                `${kind} ${base}: winners`,
              ).toHaveLength(1);
              for (const loser of mine.filter((answer) => answer.status !== 200)) {
                expect([loser.status, loser.body.__type]).toEqual([400, spec.duplicate[0]]);
                expect(String(loser.body.Message ?? loser.body.message)).toContain(spec.duplicate[1]);
              }
              const listed = (await spec.listed(race, base)).filter((name) => name.toLowerCase() === base);
              expect(listed, `${kind} ${base}: listed`).toHaveLength(1);
            }
          },
        ),
        { numRuns: 8 },
      );
    });
  }

  it("property (log group): CloudWatch Logs names are case-sensitive, so each exact name wins once and each loser gets ResourceAlreadyExistsException", async () => {
    await fc.assert(
      fc.asyncProperty(names, casing, async (bases, how) => {
        run++;
        const attempts = bases.flatMap((base) => [...how, ...how].map((one) => `/race/${cased(`${base}r${run}`, one)}`));
        const answers = await Promise.all(
          attempts.map(async (name) => ({ name, ...(await race.call("CreateLogGroup", { logGroupName: name }, "Logs_20140328")) })),
        );
        for (const name of new Set(attempts)) {
          const mine = answers.filter((answer) => answer.name === name);
          expect(
            mine.filter((answer) => answer.status === 200),
            name,
          ).toHaveLength(1);
          for (const loser of mine.filter((answer) => answer.status !== 200)) {
            expect([loser.status, loser.body.__type]).toEqual([400, "ResourceAlreadyExistsException"]);
          }
          const { body } = await race.call("DescribeLogGroups", { logGroupNamePrefix: name }, "Logs_20140328");
          const groups = (body.logGroups as { logGroupName: string }[]).filter((group) => group.logGroupName === name);
          expect(groups, name).toHaveLength(1);
        }
      }),
      { numRuns: 8 },
    );
  });
});
