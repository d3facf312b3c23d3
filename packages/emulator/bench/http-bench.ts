/**
 * Benchmark 2, HTTP against moto, and the bin's start: the built `sagerun-emulator serve` beside
 * `python3 -m moto.server` (what a boto3 user would pick instead) and a plain Node server answering
 * a fixed body (the ceiling for any Node server here). Every server is its own process.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { trainingJob } from "./requests.js";
import { type Server, motoMissing, startEmulator, startFrontDoor, startMoto, startPlainNode } from "./servers.js";
import { interleaved, median } from "./stats.js";
import { duration, rate, ratio, type Row } from "./table.js";
import { type Load, wrk, wrkMissing } from "./wrk.js";

const BENCH = "2. HTTP vs moto";
const BOTO3_PAIRS = fileURLToPath(new URL("boto3-pairs.py", import.meta.url));

export interface HttpSettings {
  readonly starts: number;
  readonly pairs: number;
  readonly pairRounds: number;
  readonly wrkSeconds: number;
  readonly wrkRounds: number;
}

/** One AWS JSON 1.1 SageMaker call, as the SDKs send it. */
async function call(server: Server, operation: string, input: unknown): Promise<string> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `SageMaker.${operation}`,
      authorization: "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=0",
    },
    body: JSON.stringify(input),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${operation} on ${server.url}: ${response.status} ${text}`);
  return text;
}

export async function startupRows(settings: HttpSettings): Promise<Row[]> {
  const missing = motoMissing();
  const arms = {
    sagerun: async () => {
      const server = await startEmulator();
      await server.stop();
      return server;
    },
    ...(missing
      ? {}
      : {
          moto: async () => {
            const server = await startMoto();
            await server.stop();
            return server;
          },
        }),
  } as Record<"sagerun" | "moto", () => Promise<Server>>;
  const samples = await interleaved(settings.starts, arms);
  const ours = median(samples.sagerun.map((s) => s.startMs));
  const theirs = samples.moto ? median(samples.moto.map((s) => s.startMs)) : Number.NaN;
  const cpu = (servers: Server[]) => `${duration(median(servers.map((s) => s.startCpuMs)))} CPU`;
  return [
    {
      bench: "bin start",
      measure: `\`sagerun-emulator serve\` (built bin): spawn to first answered request, median of ${settings.starts}`,
      sagerun: `${duration(ours)} (${cpu(samples.sagerun)})`,
      peer: missing ? `moto: skipped (${missing})` : `moto ${duration(theirs)} (${cpu(samples.moto)})`,
      ratio: missing ? "" : `${ratio(theirs, ours)} faster`,
      target: "< 500 ms",
    },
  ];
}

export async function httpRows(settings: HttpSettings): Promise<Row[]> {
  const missingMoto = motoMissing();
  const missingWrk = wrkMissing();
  const rows: Row[] = [];
  const emulator = await startEmulator();
  const moto = missingMoto ? undefined : await startMoto();
  try {
    for (const server of [emulator, moto]) if (server) await call(server, "CreateTrainingJob", trainingJob("bench-probe"));
    rows.push({
      bench: BENCH,
      measure: "resident memory after start and one job",
      sagerun: `${emulator.rssMiB().toFixed(0)} MiB`,
      peer: moto ? `moto ${moto.rssMiB().toFixed(0)} MiB` : `moto: skipped (${missingMoto})`,
    });

    if (moto) {
      const { stdout } = await promisify(execFile)("python3", [
        BOTO3_PAIRS,
        String(settings.pairs),
        String(settings.pairRounds),
        `sagerun=${emulator.url}`,
        `moto=${moto.url}`,
      ]);
      const seconds = JSON.parse(stdout) as Record<"sagerun" | "moto", number[]>;
      const ours = median(seconds.sagerun);
      const theirs = median(seconds.moto);
      rows.push({
        bench: BENCH,
        measure: `(a) one boto3 client, ${settings.pairs} CreateTrainingJob + DescribeTrainingJob pairs (median of ${settings.pairRounds})`,
        sagerun: `${duration(ours * 1000)} (${duration((ours * 1000) / settings.pairs)}/pair)`,
        peer: `moto ${duration(theirs * 1000)} (${duration((theirs * 1000) / settings.pairs)}/pair)`,
        ratio: `${ratio(theirs, ours)} faster`,
      });
    } else {
      rows.push({ bench: BENCH, measure: "(a) one boto3 client", sagerun: "skipped", peer: missingMoto });
    }

    if (missingWrk) {
      rows.push({ bench: BENCH, measure: "(b) wrk, DescribeTrainingJob", sagerun: "skipped", peer: missingWrk });
      return rows;
    }
    const describeBody = await call(emulator, "DescribeTrainingJob", { TrainingJobName: "bench-probe" });
    const plain = await startPlainNode(describeBody);
    const frontDoor = await startFrontDoor(describeBody);
    try {
      type Arm = "sagerun" | "plain" | "moto" | "frontDoor";
      const all = { sagerun: emulator, plain, frontDoor, ...(moto ? { moto } : {}) } as Record<Arm, Server>;
      // Warm every server up (JIT, moto's imports) before anything is measured.
      for (const server of Object.values(all)) await wrk(server.url, server.pid, 10, 1);
      for (const connections of [1, 10, 64]) {
        // The front door alone only where the target is set: at 64 connections.
        const servers = Object.entries(all).filter(([name]) => name !== "frontDoor" || connections === 64);
        const arms = Object.fromEntries(
          servers.map(([name, server]) => [name, () => wrk(server.url, server.pid, connections, settings.wrkSeconds)]),
        );
        const loads = (await interleaved(settings.wrkRounds, arms)) as Record<Arm, Load[]>;
        const summary = (name: Arm) => {
          const runs = loads[name];
          const failures = runs.reduce((sum, load) => sum + load.non2xx + load.socketErrors, 0);
          if (failures > 0) throw new Error(`wrk against ${name} at c=${connections}: ${failures} errors or non-2xx answers`);
          const perSecond = median(runs.map((load) => load.requestsPerSecond));
          const cpu = median(runs.map((load) => load.cpuMsPerRequest));
          const latency = `p50 ${duration(median(runs.map((l) => l.p50Ms)))}, p99 ${duration(median(runs.map((l) => l.p99Ms)))}`;
          return { perSecond, cpu, text: `${rate(perSecond)}, ${latency}, ${duration(cpu)} CPU/req` };
        };
        const ours = summary("sagerun");
        const measure = `(b) wrk, DescribeTrainingJob, ${connections} connection${connections === 1 ? "" : "s"}, ${settings.wrkSeconds} s (median of ${settings.wrkRounds})`;
        if (loads.moto) {
          const theirs = summary("moto");
          rows.push({
            bench: BENCH,
            measure,
            sagerun: ours.text,
            peer: `moto ${theirs.text}`,
            ratio: `${ratio(ours.perSecond, theirs.perSecond)} faster (CPU/req ${ratio(theirs.cpu, ours.cpu)} less)`,
          });
        }
        const ceiling = summary("plain");
        const slower = (them: { perSecond: number; cpu: number }) =>
          `${ratio(ceiling.perSecond, them.perSecond)} slower (CPU/req ${ratio(them.cpu, ceiling.cpu)})`;
        rows.push({
          bench: BENCH,
          measure: `${measure}: against the ceiling`,
          sagerun: ours.text,
          peer: `plain Node, fixed body: ${ceiling.text}`,
          ratio: slower(ours),
          target: connections === 64 ? "≤ 2× slower" : "",
        });
        if (loads.frontDoor) {
          const door = summary("frontDoor");
          rows.push({
            bench: BENCH,
            measure: `${measure}: the HTTP front door alone (the emulator's answer replaced by a fixed one)`,
            sagerun: door.text,
            peer: `plain Node, fixed body: ${ceiling.text}`,
            ratio: slower(door),
          });
        }
      }
    } finally {
      await plain.stop();
      await frontDoor.stop();
    }
  } finally {
    await emulator.stop();
    await moto?.stop();
  }
  return rows;
}
