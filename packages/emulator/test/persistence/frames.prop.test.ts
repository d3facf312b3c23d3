/**
 * The state file's bytes (src/persistence/frames.ts, records.ts): records survive a round trip, a
 * file cut at any byte reads as the whole records before the cut with the torn one reported, and
 * damage with whole records after it is refused.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frame, MAGIC, scanFrames, StateFileError } from "../../src/persistence/frames.js";
import { decodeHeader, decodeRecord, encodeHeader, encodeRecord, FORMAT_VERSION, type StateRecord } from "../../src/persistence/records.js";

const FILE = "journal";

const json = fc.jsonValue({ maxDepth: 2 }).map((value) => ({ value }));
const record: fc.Arbitrary<StateRecord> = fc.oneof(
  fc.record({
    type: fc.constant("request" as const),
    seq: fc.nat(),
    at: fc.integer({ min: 0, max: 8.64e15 }),
    ids: fc.nat(),
    method: fc.constantFrom("POST", "PUT", "DELETE"),
    target: fc.string(),
    headers: fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })), { maxKeys: 4 }),
    body: fc.uint8Array({ maxLength: 64 }),
  }),
  fc.record({
    type: fc.constant("admin" as const),
    seq: fc.nat(),
    at: fc.nat(),
    method: fc.constantFrom("POST", "PUT"),
    path: fc.string(),
    input: json,
  }),
  fc.record({ type: fc.constant("clock" as const), seq: fc.nat(), at: fc.nat() }),
);

/** A state file: the magic, the header frame, then one frame per record; and where each frame ends. */
function file(records: readonly StateRecord[]): { bytes: Uint8Array; ends: number[] } {
  const frames = [frame(encodeHeader(1)), ...records.map((r) => frame(encodeRecord(r)))];
  const bytes = new Uint8Array(MAGIC.byteLength + frames.reduce((n, f) => n + f.byteLength, 0));
  bytes.set(MAGIC);
  const ends: number[] = [];
  let at = MAGIC.byteLength;
  for (const f of frames) {
    bytes.set(f, at);
    at += f.byteLength;
    ends.push(at);
  }
  return { bytes, ends };
}

const decoded = (bytes: Uint8Array) => {
  const scanned = scanFrames(bytes, MAGIC.byteLength, FILE);
  return { ...scanned, records: scanned.payloads.slice(1).map((p) => decodeRecord(p, FILE)) };
};

/** JSON drops -0 and undefined the way the file does; compare what the file can hold. */
const asStored = (r: StateRecord) => JSON.parse(JSON.stringify({ ...r, body: undefined })) as unknown;

describe("state file frames", () => {
  it("round-trips any records, bodies byte for byte", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (records) => {
        const read = decoded(file(records).bytes);
        expect(read.torn).toBeUndefined();
        expect(read.records.map(asStored)).toEqual(records.map(asStored));
        records.forEach((r, i) => {
          if (r.type === "request") expect((read.records[i] as typeof r).body).toEqual(r.body);
        });
      }),
    );
  });

  it("cut at every byte offset: the whole records before the cut are kept, and a torn one is reported", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), (records) => {
        const { bytes, ends } = file(records);
        const headerEnd = ends[0]!;
        for (let cut = headerEnd; cut <= bytes.byteLength; cut++) {
          const read = decoded(bytes.subarray(0, cut));
          const whole = ends.filter((end) => end <= cut).length - 1;
          expect(read.records).toHaveLength(whole);
          expect(read.end).toBe(ends[whole]);
          expect(read.torn === undefined).toBe(ends.includes(cut));
          if (read.torn) expect(read.torn.offset).toBe(ends[whole]);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("reports a tail of zeros (space allocated, never written) as torn", () => {
    const { bytes, ends } = file([{ type: "clock", seq: 0, at: 1 }]);
    const padded = new Uint8Array(bytes.byteLength + 4096);
    padded.set(bytes);
    const read = decoded(padded);
    expect(read.records).toEqual([{ type: "clock", seq: 0, at: 1 }]);
    expect(read.torn?.offset).toBe(ends.at(-1));
  });

  it("refuses a damaged record with whole records after it, naming the byte", () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 2, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (records, pick, offset, flip) => {
          const { bytes, ends } = file(records);
          // A byte of one record's payload that is not the last record.
          const k = 1 + (pick % (records.length - 1));
          const start = ends[k - 1]! + 8;
          const at = start + (offset % (ends[k]! - start));
          const damaged = bytes.slice();
          damaged[at]! ^= flip;
          expect(() => decoded(damaged)).toThrow(StateFileError);
          expect(() => decoded(damaged)).toThrow(`${FILE} is damaged at byte ${ends[k - 1]}`);
        },
      ),
    );
  });

  it("refuses a header of another format version, naming both versions", () => {
    const header = (version: number) => new TextEncoder().encode(JSON.stringify({ format: "sagerun-state", version, seed: 1 }));
    const withLength = (json: Uint8Array) => {
      const out = new Uint8Array(4 + json.byteLength);
      new DataView(out.buffer).setUint32(0, json.byteLength, true);
      out.set(json, 4);
      return out;
    };
    expect(decodeHeader(encodeHeader(7), FILE)).toEqual({ format: "sagerun-state", version: FORMAT_VERSION, seed: 7 });
    expect(() => decodeHeader(withLength(header(FORMAT_VERSION + 1)), FILE)).toThrow(
      `${FILE} was written in state format version ${FORMAT_VERSION + 1}, a newer format than version ${FORMAT_VERSION}, the only one this sagerun-emulator reads.`,
    );
    expect(() => decodeHeader(withLength(header(0)), FILE)).toThrow(
      `${FILE} was written in state format version 0, an older format than version ${FORMAT_VERSION}`,
    );
    expect(() => decodeHeader(withLength(new TextEncoder().encode("{}")), FILE)).toThrow("does not start with a sagerun state header");
  });
});
