import type { FileHandle } from "node:fs/promises";
import { frame } from "./frames.js";
import { encodeRecord, type NewRecord, type StateRecord } from "./records.js";

/**
 * The append-only end of a state dir: each record is framed, written and fsynced before the
 * promise {@link Journal.append} returns resolves, and only then may the change be acknowledged.
 * Records that arrive while a write is in flight wait for the next one and share its fsync (group
 * commit), so concurrent requests cost one fsync per batch, not one each. Records reach the file
 * in the order they were appended, which is the order the emulator applied them.
 */
export class Journal {
  readonly #file: FileHandle;
  #seq: number;
  #pending: Uint8Array[] = [];
  #waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  #writing: Promise<void> | undefined;
  /** Resolves once everything appended so far is on disk. */
  #last: Promise<void> = Promise.resolve();
  /** A write that failed: the emulator is now ahead of its disk, so nothing more is acknowledged. */
  #failed: unknown;
  #batches = 0;

  /** `file` is open for appending; `nextSeq` continues the numbering of the records before it. */
  constructor(file: FileHandle, nextSeq: number) {
    this.#file = file;
    this.#seq = nextSeq;
  }

  /** Appends `record`; resolves once it is durable (rejects if the disk refused it or an earlier one). */
  append(record: NewRecord): Promise<void> {
    if (this.#failed !== undefined) return Promise.reject(this.#failed);
    this.#pending.push(frame(encodeRecord({ ...record, seq: this.#seq++ } as StateRecord)));
    const durable = new Promise<void>((resolve, reject) => this.#waiting.push({ resolve, reject }));
    this.#writing ??= this.#drain();
    this.#last = durable;
    return durable;
  }

  /** Resolves once every record appended so far is durable: a read waits for it, so nobody sees what a crash could take back. */
  durable(): Promise<void> {
    return this.#last;
  }

  /** How many writes (each with one fsync) the journal has made: the group commit's batches. */
  get batches(): number {
    return this.#batches;
  }

  /** Waits for the records appended so far, then closes the file. */
  async close(): Promise<void> {
    await this.#last.catch(() => {});
    await this.#file.close();
  }

  async #drain(): Promise<void> {
    while (this.#pending.length > 0) {
      const batch = concat(this.#pending);
      const waiting = this.#waiting;
      this.#pending = [];
      this.#waiting = [];
      try {
        let written = 0;
        while (written < batch.byteLength) written += (await this.#file.write(batch, written)).bytesWritten;
        await this.#file.datasync();
        this.#batches++;
        for (const waiter of waiting) waiter.resolve();
      } catch (error) {
        this.#failed = new Error(`The state dir could not be written (${(error as Error).message}); the change was not kept.`);
        for (const waiter of [...waiting, ...this.#waiting]) waiter.reject(this.#failed);
        this.#pending = [];
        this.#waiting = [];
      }
    }
    this.#writing = undefined;
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
