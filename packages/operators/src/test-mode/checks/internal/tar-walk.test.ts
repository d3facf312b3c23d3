import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isFormatError, TarFormatError, walkTarGz } from "./tar-walk.js";

/** A ustar header for a regular file of `size` bytes, with a correct checksum. */
function header(name: string, size: number): Uint8Array {
  const block = new Uint8Array(512);
  const put = (text: string, at: number) => block.set(new TextEncoder().encode(text), at);
  put(name, 0);
  put(`${size.toString(8).padStart(11, "0")}\0`, 124);
  put("0", 156);
  put("ustar\u000000", 257);
  put("        ", 148);
  const sum = block.reduce((a, b) => a + b, 0);
  put(`${sum.toString(8).padStart(6, "0")}\0 `, 148);
  return block;
}

const tar = (...parts: Uint8Array[]): Uint8Array => Buffer.concat(parts);
const streamOf = (bytes: Uint8Array): ReadableStream<Uint8Array> => new Blob([bytes]).stream();
const failureOf = (bytes: Uint8Array): Promise<unknown> =>
  walkTarGz(streamOf(bytes)).then(
    () => undefined,
    (err: unknown) => err,
  );

describe(walkTarGz.name, () => {
  it("counts regular files and their bytes, padding and end blocks skipped", async () => {
    const body = new Uint8Array(700).fill(7);
    const archive = tar(header("model/a.bin", 700), body, new Uint8Array(324), header("b.txt", 0), new Uint8Array(1024));

    await expect(walkTarGz(streamOf(gzipSync(archive)))).resolves.toEqual({ files: 2, bytes: 700 });
  });

  it("rejects gzip'd bytes that are no tar, an archive cut inside an entry, and bytes that are no gzip", async () => {
    const garbage = await failureOf(gzipSync(new Uint8Array(600).fill(65)));
    const cut = await failureOf(gzipSync(tar(header("a.bin", 2000), new Uint8Array(100))));
    const plain = await failureOf(tar(header("a.bin", 0)));

    expect(garbage).toEqual(new TarFormatError("header 1 has a bad checksum (not a tar archive?)"));
    expect(cut).toEqual(new TarFormatError("the archive ends inside entry 1"));
    expect(plain).toMatchObject({ code: "Z_DATA_ERROR", message: "incorrect header check" });
    expect([garbage, cut, plain].every(isFormatError)).toBe(true);
  });
});
