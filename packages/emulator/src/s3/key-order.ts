/**
 * S3 lists keys "in UTF-8 binary order" (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html),
 * which is code point order. JavaScript's `<` compares UTF-16 code units, which puts a character
 * above U+FFFF (a surrogate pair) before U+E000–U+FFFF; this compares code points.
 */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Only a surrogate against a unit at or above U+E000 orders differently by code point.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys && (xs ? y : x) >= 0xe000) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
