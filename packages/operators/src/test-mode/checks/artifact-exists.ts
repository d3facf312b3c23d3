import type { TrainingJobDescription } from "../../run-training-job.js";
import { parseS3Uri, s3Reader } from "./internal/s3-objects.js";
import { isFormatError, walkTarGz } from "./internal/tar-walk.js";
import { clientFor, counted, type CheckVerdict, type OutputCheck } from "./output-check.js";

/** What {@link artifactExists} asks of the model artifact beyond being there. */
export interface ArtifactExistsOptions {
  /** The object has at least one byte (HeadObject's ContentLength). */
  readonly nonEmpty?: true;
  /** The object gunzips and walks as a tar archive to its end (GetObject, streamed). */
  readonly untars?: true;
}

/**
 * Checks that a training job's model artifact, `ModelArtifacts.S3ModelArtifacts`
 * (`<S3OutputPath>/<job>/output/model.tar.gz`), is in S3: HeadObject, then with `untars` a
 * streamed GetObject through gunzip and a walk over the tar headers. A job that failed before
 * uploading has no such member or no such object; either fails the check.
 *
 * @example
 * ```ts
 * await runChecks(trainingJob, trained, [artifactExists({ nonEmpty: true, untars: true })], { s3: await backend.s3() });
 * ```
 */
export function artifactExists(options: ArtifactExistsOptions = {}): OutputCheck<TrainingJobDescription> {
  const asks = [...(options.nonEmpty ? ["non-empty"] : []), ...(options.untars ? ["untars"] : [])];
  const check = `artifactExists${asks.length > 0 ? ` (${asks.join(", ")})` : ""}`;
  const expected = `${options.nonEmpty ? "a non-empty" : "an"} ${options.untars ? "gzip'd tar" : "object"} at ModelArtifacts.S3ModelArtifacts`;
  return {
    check,
    needs: "s3",
    async run(description, _job, clients): Promise<CheckVerdict> {
      const failed = (found: string): CheckVerdict => ({ ok: false, found, expected });
      const uri = description.ModelArtifacts?.S3ModelArtifacts;
      if (uri === undefined) return failed(`no ModelArtifacts.S3ModelArtifacts (job status ${description.TrainingJobStatus})`);
      const at = parseS3Uri(uri);
      if (at === undefined) return failed(`ModelArtifacts.S3ModelArtifacts ${JSON.stringify(uri)}, not an s3:// URI`);
      const s3 = await s3Reader(clientFor(clients, "s3", check));
      const size = await s3.size(at);
      // A failed job's description still names the artifact it would have written.
      const status = description.TrainingJobStatus === "Completed" ? "" : ` (job status ${description.TrainingJobStatus})`;
      if (size === undefined) return failed(`no object at ${uri}${status}`);
      if (options.nonEmpty && size === 0) return failed(`an empty object at ${uri}`);
      if (!options.untars) return { ok: true, found: `${size} bytes at ${uri}`, expected };
      try {
        const { files, bytes } = await walkTarGz(await s3.open(at));
        return { ok: true, found: `${size} bytes at ${uri} holding ${counted(files, "file")} (${counted(bytes, "byte")})`, expected };
      } catch (err) {
        if (!isFormatError(err)) throw err;
        return failed(`${uri}, which does not untar: ${(err as Error).message}`);
      }
    },
  };
}
