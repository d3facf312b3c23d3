/** An EC2-style instance id (`i-` and 17 hex digits) drawn from a seed. */
export function instanceIdOf(seed: number): string {
  return `i-0${seed.toString(16).padStart(8, "0")}${(Math.imul(seed, 0x9e3779b1) >>> 0).toString(16).padStart(8, "0")}`;
}
