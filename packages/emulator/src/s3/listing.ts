import { compareKeys } from "./key-order.js";

/**
 * One page of a bucket listing, shared by ListObjectsV2 and ListObjects: the keys under `prefix`
 * after `after`, those holding `delimiter` past the prefix rolled up into one common prefix each
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html). An entry, key or common
 * prefix, is listed when it sorts after `after`; a page ends after `maxKeys` entries, and the last
 * entry is where the next page starts (the continuation token, or v1's NextMarker). So a page that
 * ended on a common prefix is never followed by that prefix again (docs/fidelity.md §9).
 */
export interface ListRequest {
  readonly prefix: string;
  readonly delimiter: string;
  /** Start after this key or common prefix ("" for the beginning). */
  readonly after: string;
  readonly maxKeys: number;
}

export interface ListPage {
  readonly keys: string[];
  readonly commonPrefixes: string[];
  readonly isTruncated: boolean;
  /** The last entry listed: where the next page starts. */
  readonly last: string | undefined;
}

export function listPage(sortedKeys: readonly string[], request: ListRequest): ListPage {
  const { prefix, delimiter, after, maxKeys } = request;
  const keys: string[] = [];
  const commonPrefixes: string[] = [];
  let last: string | undefined;
  const start = after === "" || compareKeys(after, prefix) < 0 ? prefix : after;
  let i = firstAtOrAfter(sortedKeys, start);
  for (; i < sortedKeys.length; i++) {
    const key = sortedKeys[i]!;
    if (!key.startsWith(prefix)) break;
    const rollUp = commonPrefixOf(key, prefix, delimiter);
    const entry = rollUp ?? key;
    if (compareKeys(entry, after) <= 0 || entry === last) continue;
    if (keys.length + commonPrefixes.length === maxKeys) return { keys, commonPrefixes, isTruncated: true, last };
    (rollUp === undefined ? keys : commonPrefixes).push(entry);
    last = entry;
  }
  return { keys, commonPrefixes, isTruncated: false, last };
}

/** The common prefix `key` rolls up into, if it holds the delimiter past the prefix (even at its very end). */
function commonPrefixOf(key: string, prefix: string, delimiter: string): string | undefined {
  if (delimiter === "") return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

function firstAtOrAfter(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareKeys(sorted[mid]!, value) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
