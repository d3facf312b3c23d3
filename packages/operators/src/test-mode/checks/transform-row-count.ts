import type { TransformJobDescription } from "../../run-transform-job.js";
import { countLines } from "./internal/count-lines.js";
import { parseS3Uri, s3Reader, type S3Reader } from "./internal/s3-objects.js";
import { clientFor, counted, type CheckVerdict, type OutputCheck } from "./output-check.js";

/**
 * Checks that a batch transform answered every input row: the non-blank lines of the `.out`
 * objects under `TransformOutput.S3OutputPath` add up to those of the objects under the input's
 * S3 prefix, both counted as streams. Rows are lines only for `SplitType: "Line"` input assembled
 * with `AssembleWith: "Line"` from an `S3Prefix` source; any other job fails the check, saying so.
 *
 * @example
 * ```ts
 * await runChecks(transformJob, transformed, [transformRowCount()], { s3: await backend.s3() });
 * ```
 */
export function transformRowCount(): OutputCheck<TransformJobDescription> {
  const check = "transformRowCount";
  return {
    check,
    needs: "s3",
    async run(description, _job, clients): Promise<CheckVerdict> {
      const source = description.TransformInput?.DataSource?.S3DataSource;
      const unfit = (found: string): CheckVerdict => ({
        ok: false,
        found,
        expected: "SplitType Line, AssembleWith Line, an S3Prefix input",
      });
      if (source?.S3DataType !== "S3Prefix") return unfit(`S3DataType ${source?.S3DataType}, which cannot be counted (only S3Prefix)`);
      if (description.TransformInput?.SplitType !== "Line")
        return unfit(`SplitType ${description.TransformInput?.SplitType ?? "None"}, whose rows are not lines`);
      if (description.TransformOutput?.AssembleWith !== "Line") {
        return unfit(`AssembleWith ${description.TransformOutput?.AssembleWith ?? "None"}, whose output rows are not lines`);
      }
      const inputAt = parseS3Uri(source.S3Uri ?? "");
      const outputPath = description.TransformOutput.S3OutputPath ?? "";
      const outputAt = parseS3Uri(outputPath);
      if (inputAt === undefined || outputAt === undefined) return unfit(`input ${source.S3Uri} or output ${outputPath} not an s3:// URI`);
      const s3 = await s3Reader(clientFor(clients, "s3", check));
      // SageMaker joins `<S3OutputPath>/<input file>.out`, adding the slash when the path has none.
      const outputPrefix = outputAt.key === "" || outputAt.key.endsWith("/") ? outputAt.key : `${outputAt.key}/`;
      const input = await rowsUnder(s3, inputAt.bucket, inputAt.key, (key) => !key.endsWith("/"));
      const output = await rowsUnder(s3, outputAt.bucket, outputPrefix, (key) => key.endsWith(".out"));
      const expected = counted(input.rows, "row");
      const found =
        `${counted(output.rows, "output row")} (${counted(output.objects, ".out object")} under ${outputPath}) for ` +
        `${counted(input.rows, "input row")} (${counted(input.objects, "object")} under ${source.S3Uri})`;
      return { ok: output.rows === input.rows, found, expected };
    },
  };
}

async function rowsUnder(s3: S3Reader, bucket: string, prefix: string, keep: (key: string) => boolean) {
  const keys = (await s3.list({ bucket, key: prefix })).filter(keep);
  let rows = 0;
  for (const key of keys) rows += await countLines(await s3.open({ bucket, key }));
  return { rows, objects: keys.length };
}
