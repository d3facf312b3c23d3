/** A bucket and key (or key prefix), as an `s3://bucket/key` URI names them. */
export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

/** The folder that test-mode subsets go in, next to the data they are cut from. */
export const TEST_MODE_FOLDER = "sagerun-test-mode";

/** Splits `s3://bucket/key`; anything else throws a TypeError naming the option. */
export function parseS3Uri(uri: string, option: string): S3Location {
  const match = typeof uri === "string" ? /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri) : null;
  if (!match) {
    throw new TypeError(`Subset option ${option} [${String(uri)}] must be an S3 URI. Please pass s3://bucket/key.`);
  }
  return { bucket: match[1]!, key: match[2]! };
}

/**
 * The subsets' folder for a seed and fraction inside the folder `prefix` (a key prefix ending in
 * `/`, or `""` for the bucket's root): `train/` → `train/sagerun-test-mode/42-0.01/`.
 */
export function testModePrefix(prefix: string, seed: number, fraction: number): string {
  return `${prefix}${TEST_MODE_FOLDER}/${seed}-${fraction}/`;
}

/** The folder part of a key, with its trailing `/`: `train/data.csv` → `train/`, `data.csv` → `""`. */
export function folderOf(key: string): string {
  return key.slice(0, key.lastIndexOf("/") + 1);
}
