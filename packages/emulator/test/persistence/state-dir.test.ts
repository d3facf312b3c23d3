/**
 * A state dir on disk (src/persistence/state-dir.ts, journal.ts): what a restart reads back, what
 * it refuses, and how the snapshot and the journal share the records.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCK_FILE } from "../../src/persistence/dir-lock.js";
import { frame, MAGIC, StateFileError } from "../../src/persistence/frames.js";
import { encodeRecord, FORMAT_VERSION, type StateRecord } from "../../src/persistence/records.js";
import { JOURNAL_FILE, openStateDir, SNAPSHOT_FILE } from "../../src/persistence/state-dir.js";

const fresh = () => mkdtempSync(join(tmpdir(), "sagerun-state-dir-"));

const request = (seq: number, at: number): StateRecord => ({
  type: "request",
  seq,
  at,
  ids: seq,
  method: "PUT",
  target: `/bucket/key-${seq}`,
  headers: { "content-type": "text/plain" },
  body: new TextEncoder().encode(`body ${seq}`),
});

/** Opens `dir`, collecting warnings. */
async function open(dir: string, seed = 1) {
  const warnings: string[] = [];
  const opened = await openStateDir(dir, seed, (line) => warnings.push(line));
  return { ...opened, warnings };
}

/** Closes the journal and gives the dir up, as the server does when it stops. */
async function close(opened: { journal: { close(): Promise<void> }; unlock(): Promise<void> }) {
  await opened.journal.close();
  await opened.unlock();
}

/** Writes a state file by hand: the magic, a header of `version`, then the records. */
function writeStateFile(path: string, records: readonly StateRecord[], version = FORMAT_VERSION, seed = 1): void {
  const json = new TextEncoder().encode(JSON.stringify({ format: "sagerun-state", version, seed }));
  const header = new Uint8Array(4 + json.byteLength);
  new DataView(header.buffer).setUint32(0, json.byteLength, true);
  header.set(json, 4);
  const chunks = [MAGIC, frame(header), ...records.map((r) => frame(encodeRecord(r)))];
  writeFileSync(path, Buffer.concat(chunks));
}

describe("a state dir", () => {
  it("reads back what the journal acknowledged, in order, after a restart", async () => {
    const dir = fresh();
    const first = await open(dir);
    expect(first.records).toEqual([]);
    expect(first.clockAt).toBeUndefined();
    await Promise.all([1, 2, 3].map((i) => first.journal.append({ type: "clock", at: 1000 * i })));
    await first.journal.append({ type: "admin", at: 4000, method: "POST", path: "/_sagerun/reset", input: {} });
    await close(first);

    const second = await open(dir);
    // Clock records fold into one, last, at the latest position; the changes stay in order.
    expect(second.records.map((r) => [r.type, r.at])).toEqual([
      ["admin", 4000],
      ["clock", 4000],
    ]);
    expect(second.clockAt).toBe(4000);
    expect(second.warnings).toEqual([]);
    await close(second);
  });

  it("shares fsyncs between records appended together (group commit), each durable before its promise resolves", async () => {
    const dir = fresh();
    const opened = await open(dir);
    const { journal } = opened;
    await Promise.all(Array.from({ length: 200 }, (_, i) => journal.append(request(0, i) as never)));
    expect(journal.batches).toBeGreaterThan(0);
    expect(journal.batches).toBeLessThan(200);
    await close(opened);
    const reopened = await open(dir);
    expect(reopened.records.filter((r) => r.type === "request").map((r) => r.at)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    await close(reopened);
  });

  it("drops a torn last journal record with a warning, and starts the journal afresh", async () => {
    const dir = fresh();
    const first = await open(dir);
    await first.journal.append({ type: "admin", at: 5, method: "PUT", path: "/_sagerun/rules", input: { rules: [] } });
    await close(first);
    const journal = join(dir, JOURNAL_FILE);
    const whole = readFileSync(journal).byteLength;
    const full = frame(encodeRecord(request(9, 9)));
    appendFileSync(journal, full.subarray(0, 20));

    const second = await open(dir);
    expect(second.records.map((r) => r.type)).toEqual(["admin", "clock"]);
    expect(second.warnings).toEqual([
      `sagerun-emulator: ${journal} ends in a torn record at byte ${whole} (a frame of ${full.byteLength - 8} bytes with 12 written), ` +
        "left by a crash mid-write; it was never acknowledged, so it is dropped (20 bytes).",
    ]);
    await close(second);
    // The next start finds nothing torn: the snapshot holds the records and the journal is new.
    const third = await open(dir);
    expect(third.warnings).toEqual([]);
    expect(third.records.map((r) => r.type)).toEqual(["admin", "clock"]);
    await close(third);
  });

  it("refuses damage in the middle of the journal, and leaves the files as they were", async () => {
    const dir = fresh();
    const journal = join(dir, JOURNAL_FILE);
    writeStateFile(journal, [request(0, 1), request(1, 2), request(2, 3)]);
    const bytes = readFileSync(journal);
    // A bit flipped inside the second of three records.
    bytes[bytes.indexOf(Buffer.from("key-1"))]! ^= 0x01;
    writeFileSync(journal, bytes);
    await expect(open(dir)).rejects.toThrow(StateFileError);
    await expect(open(dir)).rejects.toThrow(/journal is damaged at byte \d+: a frame fails its checksum and \d+ bytes follow it/);
    expect(readFileSync(journal)).toEqual(bytes);
  });

  it("refuses a state dir of another format version, naming both, without touching it", async () => {
    for (const version of [FORMAT_VERSION + 1, FORMAT_VERSION - 1]) {
      const dir = fresh();
      writeStateFile(join(dir, SNAPSHOT_FILE), [request(0, 1)], version);
      await expect(open(dir)).rejects.toThrow(`written in state format version ${version}`);
      await expect(open(dir)).rejects.toThrow(`than version ${FORMAT_VERSION}, the only one this sagerun-emulator reads`);
    }
  });

  it("refuses a state built with another seed, and a file that is no state", async () => {
    const dir = fresh();
    writeStateFile(join(dir, JOURNAL_FILE), [request(0, 1)], FORMAT_VERSION, 7);
    await expect(open(dir, 1)).rejects.toThrow("holds a state built with seed 7, and this emulator has seed 1");
    const other = fresh();
    writeFileSync(join(other, SNAPSHOT_FILE), "{}");
    await expect(open(other)).rejects.toThrow('is not a sagerun state file (it does not start with "sagerun-state")');
  });

  it("reads each record once when a crash left it in both the snapshot and the journal", async () => {
    const dir = fresh();
    // Compaction renamed the new snapshot into place, then the process died before emptying the journal.
    writeStateFile(join(dir, SNAPSHOT_FILE), [request(0, 1), request(1, 2), request(2, 3)]);
    writeStateFile(join(dir, JOURNAL_FILE), [request(1, 2), request(2, 3), request(3, 4)]);
    const opened = await open(dir);
    expect(opened.records.filter((r) => r.type === "request").map((r) => r.seq)).toEqual([0, 1, 2, 3]);
    await close(opened);
  });

  it("refuses any damage in the snapshot, which is written whole", async () => {
    const dir = fresh();
    const snapshot = join(dir, SNAPSHOT_FILE);
    writeStateFile(snapshot, [request(0, 1), request(1, 2)]);
    const bytes = readFileSync(snapshot);
    writeFileSync(snapshot, bytes.subarray(0, bytes.byteLength - 3));
    await expect(open(dir)).rejects.toThrow(`${snapshot} is damaged at byte`);
  });

  it("is served by one process at a time: a live holder is refused, a dead one's lock taken over", async () => {
    const dir = fresh();
    const first = await open(dir);
    await expect(open(dir)).rejects.toThrow(`${dir} is in use by process ${process.pid} (this one): one server per state dir.`);
    await close(first);
    // A SIGKILL leaves the lock behind, naming a process that is gone.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(join(dir, LOCK_FILE), String(gone));
    const second = await open(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe(String(process.pid));
    await close(second);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    // A container restarted on the same volume: the old lock names this very pid, but nobody here holds it.
    writeFileSync(join(dir, LOCK_FILE), String(process.pid));
    await close(await open(dir));
  });

  it("gives the dir up when it refuses it", async () => {
    const dir = fresh();
    writeStateFile(join(dir, JOURNAL_FILE), [request(0, 1)], FORMAT_VERSION + 1);
    await expect(open(dir)).rejects.toThrow("written in state format version");
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
