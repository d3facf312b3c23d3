/**
 * What a state file holds (docs/decisions/0009): a header naming the format version and the seed,
 * then one record per accepted change, in the order the emulator applied them. Replaying the
 * records through the same dispatch, each at its own instant, rebuilds the state, because the
 * emulator is a function of its seed, its options and that sequence (decision 0002).
 */
import { StateFileError } from "./frames.js";

/**
 * The format this build writes and reads. Bump it on any change to the records' meaning; a file
 * of another version is refused, never guessed at.
 */
export const FORMAT_VERSION = 1;

export interface StateHeader {
  readonly format: "sagerun-state";
  readonly version: number;
  /** The seed the state was built with: replaying under another seed would rebuild another state. */
  readonly seed: number;
}

/**
 * A request to a service that may change something (see mutating.ts), as it arrived: replayed
 * through `Emulator.serve` at `at`, after the emulator's request ids have been drawn to `ids`.
 */
export interface RequestRecord {
  readonly type: "request";
  readonly seq: number;
  /** The instant the request was served at (epoch ms on the emulator's clock). */
  readonly at: number;
  /** How many request ids the emulator had drawn before this one: S3 upload ids are request ids. */
  readonly ids: number;
  readonly method: string;
  readonly target: string;
  readonly headers: Record<string, string | string[]>;
  readonly body: Uint8Array;
}

/** An admin write (`PUT /_sagerun/rules`, `POST /_sagerun/reset`, ...), replayed through its route at `at`. */
export interface AdminRecord {
  readonly type: "admin";
  readonly seq: number;
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly input: Record<string, unknown>;
}

/** Where the clock stood (after `clock/advance`, and now and then as it runs): where it resumes. */
export interface ClockRecord {
  readonly type: "clock";
  readonly seq: number;
  readonly at: number;
}

export type StateRecord = RequestRecord | AdminRecord | ClockRecord;

/** A record without its sequence number, which the journal gives it. */
export type NewRecord = DistributiveOmit<StateRecord, "seq">;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

const encoder = new TextEncoder();

/** A record's payload: `[u32 length of the JSON][JSON][body bytes]` (the body: a request's, raw). */
export function encodeRecord(record: StateRecord): Uint8Array {
  const { body, ...rest } = record as StateRecord & { body?: Uint8Array };
  return withJson(rest, body ?? new Uint8Array());
}

export function decodeRecord(payload: Uint8Array, file: string): StateRecord {
  const { json, rest } = splitJson(payload, file);
  const record = json as unknown as StateRecord;
  if (record.type === "request") return { ...record, body: rest.slice() };
  if (record.type === "admin" || record.type === "clock") return record;
  throw new StateFileError(`${file} holds a record of unknown type ${JSON.stringify((json as { type?: unknown }).type)}.`);
}

export function encodeHeader(seed: number): Uint8Array {
  const header: StateHeader = { format: "sagerun-state", version: FORMAT_VERSION, seed };
  return withJson(header, new Uint8Array());
}

/** The header, if this build reads its version; otherwise a refusal naming both versions. */
export function decodeHeader(payload: Uint8Array, file: string): StateHeader {
  const { json } = splitJson(payload, file);
  const header = json as Partial<StateHeader>;
  if (header.format !== "sagerun-state" || typeof header.version !== "number" || typeof header.seed !== "number") {
    throw new StateFileError(`${file} does not start with a sagerun state header.`);
  }
  if (header.version !== FORMAT_VERSION) {
    const which = header.version > FORMAT_VERSION ? "a newer" : "an older";
    throw new StateFileError(
      `${file} was written in state format version ${header.version}, ${which} format than version ${FORMAT_VERSION}, ` +
        `the only one this sagerun-emulator reads. Use the sagerun version that wrote it, or start with an empty --state-dir.`,
    );
  }
  return header as StateHeader;
}

function withJson(value: object, body: Uint8Array): Uint8Array {
  const json = encoder.encode(JSON.stringify(value));
  const out = new Uint8Array(4 + json.byteLength + body.byteLength);
  new DataView(out.buffer).setUint32(0, json.byteLength, true);
  out.set(json, 4);
  out.set(body, 4 + json.byteLength);
  return out;
}

function splitJson(payload: Uint8Array, file: string): { json: Record<string, unknown>; rest: Uint8Array } {
  const length = payload.byteLength >= 4 ? new DataView(payload.buffer, payload.byteOffset).getUint32(0, true) : -1;
  if (length < 0 || 4 + length > payload.byteLength) throw new StateFileError(`${file} holds a record whose JSON overruns it.`);
  let json: unknown;
  try {
    // The frame's checksum passed: these are the bytes that were written, valid UTF-8.
    json = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset + 4, length).toString("utf8"));
  } catch {
    throw new StateFileError(`${file} holds a record whose JSON does not parse.`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new StateFileError(`${file} holds a record that is not an object.`);
  return { json: json as Record<string, unknown>, rest: payload.subarray(4 + length) };
}
