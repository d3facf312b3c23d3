import { mkdir, open, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { lockStateDir } from "./dir-lock.js";
import { frame, hasMagic, MAGIC, scanFrames, StateFileError } from "./frames.js";
import { Journal } from "./journal.js";
import { decodeHeader, decodeRecord, encodeHeader, encodeRecord, type StateRecord } from "./records.js";

/** The compacted past: written whole to a temporary file, fsynced, then renamed into place. */
export const SNAPSHOT_FILE = "snapshot";
/** The changes since the snapshot, appended and fsynced one batch at a time. */
export const JOURNAL_FILE = "journal";

/** A state dir as opened: what to replay, where the clock stood, and the journal to append to. */
export interface OpenedState {
  /** Every change in the order it was applied, clock records folded into the last one. */
  readonly records: readonly StateRecord[];
  /** Where the clock stood when the state was last written (undefined for a new state). */
  readonly clockAt: number | undefined;
  readonly journal: Journal;
  /** Gives the state dir up for another process (after the journal is closed). */
  readonly unlock: () => Promise<void>;
}

/**
 * Opens (creating it if need be) the state dir `dir` for an emulator seeded `seed`: reads the
 * snapshot and the journal, drops a torn last journal record (with a warning through `warn`),
 * then compacts both into a new snapshot and starts an empty journal. Refuses, with a
 * {@link StateFileError}, a dir of another format version, another seed, damaged in the middle,
 * or in use by another live process.
 */
export async function openStateDir(dir: string, seed: number, warn: (line: string) => void): Promise<OpenedState> {
  await mkdir(dir, { recursive: true });
  const unlock = await lockStateDir(dir);
  try {
    return { ...(await readAndCompact(dir, seed, warn)), unlock };
  } catch (error) {
    await unlock();
    throw error;
  }
}

async function readAndCompact(dir: string, seed: number, warn: (line: string) => void): Promise<Omit<OpenedState, "unlock">> {
  const snapshot = await readStateFile(join(dir, SNAPSHOT_FILE), seed, false, warn);
  const journal = await readStateFile(join(dir, JOURNAL_FILE), seed, true, warn);
  // A crash between writing a snapshot and emptying the journal leaves records in both: the
  // snapshot's sequence numbers say which of the journal's it already holds.
  const lastSeq = snapshot.at(-1)?.seq ?? -1;
  const all = [...snapshot, ...journal.filter((record) => record.seq > lastSeq)];
  const clockAt = all.reduce<number | undefined>(
    (latest, record) => (latest === undefined || record.at > latest ? record.at : latest),
    undefined,
  );
  // Clock records only say where the clock resumes: all but the last position are dropped.
  const changes = all.filter((record) => record.type !== "clock");
  const nextSeq = (all.at(-1)?.seq ?? -1) + 1;
  const records: StateRecord[] = clockAt === undefined ? changes : [...changes, { type: "clock", seq: nextSeq, at: clockAt }];
  if (journal.length > 0 || snapshot.length !== records.length) await writeWhole(dir, SNAPSHOT_FILE, seed, records);
  await writeWhole(dir, JOURNAL_FILE, seed, []);
  const handle = await open(join(dir, JOURNAL_FILE), "a");
  return { records, clockAt, journal: new Journal(handle, nextSeq + 1) };
}

/**
 * A state file's records, or [] when it does not exist. Only the journal may have a torn tail
 * (it is appended to); a snapshot is renamed into place whole, so any damage in it is refused.
 */
async function readStateFile(path: string, seed: number, tornTailAllowed: boolean, warn: (line: string) => void): Promise<StateRecord[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  if (!hasMagic(bytes)) throw new StateFileError(`${path} is not a sagerun state file (it does not start with "sagerun-state").`);
  const scanned = scanFrames(bytes, MAGIC.byteLength, path);
  const [head, ...payloads] = scanned.payloads;
  if (head === undefined) throw new StateFileError(`${path} has no header: the file is damaged.`);
  const header = decodeHeader(head, path);
  if (header.seed !== seed) {
    throw new StateFileError(
      `${path} holds a state built with seed ${header.seed}, and this emulator has seed ${seed}: replayed under another seed it would be another state. ` +
        `Start with --seed ${header.seed}, or with an empty --state-dir.`,
    );
  }
  if (scanned.torn) {
    if (!tornTailAllowed) throw new StateFileError(`${path} is damaged at byte ${scanned.torn.offset} (${scanned.torn.reason}).`);
    warn(
      `sagerun-emulator: ${path} ends in a torn record at byte ${scanned.torn.offset} (${scanned.torn.reason}), ` +
        `left by a crash mid-write; it was never acknowledged, so it is dropped (${bytes.byteLength - scanned.end} bytes).`,
    );
  }
  return payloads.map((payload) => decodeRecord(payload, path));
}

const CHUNK_BYTES = 4 * 1024 * 1024;

/** Writes `name` whole: to a temporary file, fsynced, renamed over the old one, the dir fsynced. */
async function writeWhole(dir: string, name: string, seed: number, records: readonly StateRecord[]): Promise<void> {
  const temporary = join(dir, `${name}.tmp`);
  const file = await open(temporary, "w");
  try {
    // A few large writes, not one per record: a snapshot can hold a long history.
    let chunk: Uint8Array[] = [MAGIC, frame(encodeHeader(seed))];
    let size = 0;
    for (const record of records) {
      const framed = frame(encodeRecord(record));
      chunk.push(framed);
      size += framed.byteLength;
      if (size >= CHUNK_BYTES) {
        await file.write(Buffer.concat(chunk));
        chunk = [];
        size = 0;
      }
    }
    await file.write(Buffer.concat(chunk));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, join(dir, name));
  const directory = await open(dir, "r");
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
