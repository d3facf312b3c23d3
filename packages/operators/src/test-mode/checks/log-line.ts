import { LogFollower } from "../../logs/log-follower.js";
import type { JobLogLine } from "../../logs/logs-options.js";
import { logsReader } from "../../logs/logs-reader.js";
import { clientFor, counted, type CheckVerdict, type OutputCheck } from "./output-check.js";

// A transient error cuts a read short; the follower resumes where it stopped, so a few more reads
// finish the job's streams unless CloudWatch Logs keeps refusing.
const MAX_READS = 3;

/**
 * Checks that some line of the job's CloudWatch Logs matches `pattern` (a string matches as a
 * substring): every stream `<job>/…` of the kind's log group, read from the head through
 * DescribeLogStreams and GetLogEvents paging until the token repeats. A `g` or `y` flag is ignored.
 *
 * @example
 * ```ts
 * await runChecks(trainingJob, trained, [logLine(/#test_score .*'accuracy'/)], { logs: await backend.logs() });
 * ```
 */
export function logLine(pattern: RegExp | string): OutputCheck<object> {
  const regex = typeof pattern === "string" ? undefined : new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
  const matches = (message: string): boolean => (regex === undefined ? message.includes(pattern as string) : regex.test(message));
  const shown = regex === undefined ? JSON.stringify(pattern) : String(regex);
  const check = `logLine ${shown}`;
  const expected = `a line matching ${shown}`;
  return {
    check,
    needs: "logs",
    async run(_description, job, clients): Promise<CheckVerdict> {
      if (job.logGroup === undefined) return { ok: false, found: `no log group: ${job.jobKind}s do not log to CloudWatch Logs`, expected };
      const follower = new LogFollower(await logsReader(clientFor(clients, "logs", check)), job.logGroup, job.jobName);
      const lines: JobLogLine[] = [];
      let skipped: string | undefined;
      for (let reads = 0; reads === 0 || (skipped !== undefined && reads < MAX_READS); reads++) {
        const round = await follower.read();
        const hit = round.lines.find((line) => matches(line.message));
        if (hit !== undefined) return { ok: true, found: `${JSON.stringify(hit.message)} in ${hit.stream}`, expected };
        lines.push(...round.lines);
        skipped = round.skipped;
      }
      const streams = new Set(lines.map((line) => line.stream)).size;
      const cut = skipped === undefined ? "" : `, reading cut short by ${skipped}`;
      return {
        ok: false,
        found: `no match among ${counted(lines.length, "line")} in ${counted(streams, "stream")} ${job.logGroup}/${job.jobName}/…${cut}`,
        expected,
      };
    },
  };
}
