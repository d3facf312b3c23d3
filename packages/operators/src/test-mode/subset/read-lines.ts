/**
 * The lines of a UTF-8 byte stream (a Node Readable, a web ReadableStream, an S3 GetObject Body),
 * read chunk by chunk: only the current chunk and the unfinished line are held. Lines end at
 * `\n`; a `\r` before it stays, for the reader to drop. A last line without `\n` is a line too.
 */
export async function* readLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = "";
  for await (const chunk of chunks) {
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      yield text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  rest += decoder.decode();
  if (rest !== "") yield rest;
}
