/** An `s3://bucket/key` URI, split. */
export interface S3Location {
  readonly bucket: string;
  /** Everything after the bucket's slash, possibly empty (a whole bucket). */
  readonly key: string;
}

/** Splits `s3://bucket/key` (also `https://bucket.s3…/key`-less forms are not accepted): undefined if it is not one. */
export function parseS3Uri(uri: string): S3Location | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/s.exec(uri);
  return match ? { bucket: match[1]!, key: match[2]! } : undefined;
}

/** `s3://bucket/key`. */
export function s3Uri(location: S3Location): string {
  return `s3://${location.bucket}/${location.key}`;
}

/** `base` and `parts` joined with one slash between each (S3OutputPath may or may not end in one). */
export function joinKey(base: string, ...parts: string[]): string {
  return [base.replace(/\/+$/, ""), ...parts].filter((part) => part !== "").join("/");
}
