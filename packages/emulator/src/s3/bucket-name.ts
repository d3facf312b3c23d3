import { invalidBucketName } from "./errors.js";

/**
 * The general-purpose bucket naming rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html): 3–63 characters
 * of lower-case letters, digits, dots and hyphens, beginning and ending with a letter or digit, no
 * two adjacent dots, not an IP address, and none of the prefixes and suffixes S3 reserves.
 */
const SHAPE = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

export function checkBucketName(name: string): void {
  const valid =
    SHAPE.test(name) &&
    !name.includes("..") &&
    !IP_ADDRESS.test(name) &&
    !RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix)) &&
    !RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix));
  if (!valid) throw invalidBucketName(name);
}
