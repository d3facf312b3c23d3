import { RestXmlError } from "../wire/rest-xml.js";

/** A key is at most 1024 bytes of UTF-8 (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html). */
const MAX_KEY_BYTES = 1024;

export function checkKeyLength(key: string): void {
  const size = Buffer.byteLength(key, "utf8");
  if (size > MAX_KEY_BYTES) {
    throw new RestXmlError("KeyTooLongError", "Your key is too long", 400, { Size: String(size), MaxSizeAllowed: String(MAX_KEY_BYTES) });
  }
}
