const NEWLINE = 0x0a;
/** Space, tab and carriage return: a line of only these is blank. */
const BLANK: ReadonlySet<number> = new Set([0x20, 0x09, 0x0d]);

/**
 * The number of non-blank lines in a stream, read chunk by chunk without holding it: batch
 * transform splits `SplitType: "Line"` input into one record per non-blank line and assembles
 * `AssembleWith: "Line"` output as one line per record, so both sides count the same way.
 */
export async function countLines(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let lines = 0;
  let filled = false;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      for (const byte of chunk.value) {
        if (byte === NEWLINE) {
          if (filled) lines++;
          filled = false;
        } else if (!BLANK.has(byte)) filled = true;
      }
    }
  } finally {
    reader.releaseLock();
  }
  return filled ? lines + 1 : lines;
}
