import { RestXmlError } from "../wire/rest-xml.js";

/**
 * S3's errors, with the codes, statuses and extra elements S3 answers
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList);
 * docs/fidelity.md §9.
 */

export const noSuchBucket = (bucket: string): RestXmlError =>
  new RestXmlError("NoSuchBucket", "The specified bucket does not exist", 404, { BucketName: bucket });

export const noSuchKey = (key: string): RestXmlError =>
  new RestXmlError("NoSuchKey", "The specified key does not exist.", 404, { Key: key });

export const noSuchUpload = (uploadId: string): RestXmlError =>
  new RestXmlError(
    "NoSuchUpload",
    "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
    404,
    { UploadId: uploadId },
  );

export const bucketAlreadyOwnedByYou = (bucket: string): RestXmlError =>
  new RestXmlError("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", 409, {
    BucketName: bucket,
  });

export const bucketNotEmpty = (bucket: string): RestXmlError =>
  new RestXmlError("BucketNotEmpty", "The bucket you tried to delete is not empty", 409, { BucketName: bucket });

export const invalidBucketName = (bucket: string): RestXmlError =>
  new RestXmlError("InvalidBucketName", "The specified bucket is not valid.", 400, { BucketName: bucket });

export const invalidRange = (range: string, size: number): RestXmlError =>
  new RestXmlError("InvalidRange", "The requested range is not satisfiable", 416, {
    RangeRequested: range,
    ActualObjectSize: String(size),
  });

export const invalidPart = (partNumber: number, etag: string): RestXmlError =>
  new RestXmlError(
    "InvalidPart",
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    400,
    { PartNumber: String(partNumber), ETag: etag },
  );

export const invalidPartOrder = (): RestXmlError =>
  new RestXmlError("InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.", 400);

export const entityTooSmall = (size: number): RestXmlError =>
  new RestXmlError("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size", 400, {
    ProposedSize: String(size),
    MinSizeAllowed: String(MIN_PART_BYTES),
  });

export const invalidArgument = (message: string, name: string, value: string): RestXmlError =>
  new RestXmlError("InvalidArgument", message, 400, { ArgumentName: name, ArgumentValue: value });

export const invalidRequest = (message: string): RestXmlError => new RestXmlError("InvalidRequest", message, 400);

export const invalidDigest = (): RestXmlError => new RestXmlError("InvalidDigest", "The Content-MD5 you specified was invalid.", 400);

export const badDigest = (message: string): RestXmlError => new RestXmlError("BadDigest", message, 400);

export const methodNotAllowed = (method: string, resourceType: string): RestXmlError =>
  new RestXmlError("MethodNotAllowed", "The specified method is not allowed against this resource.", 405, {
    Method: method,
    ResourceType: resourceType,
  });

/**
 * A request S3 would serve but the emulator does not (a subresource such as `?tagging`): S3's own
 * NotImplemented code, with a message that says the gap is the emulator's.
 */
export const notImplemented = (what: string): RestXmlError =>
  new RestXmlError(
    "NotImplemented",
    `${what} is an S3 feature that the sagerun emulator does not implement yet. Your client and request are fine: this is a gap in the emulator.`,
    501,
  );

/** Every part but the last must hold at least 5 MiB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html). */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
