/** Options of {@link stratifiedSubset} and of the S3 functions that run it. */
export interface SubsetOptions {
  /** The share of each class's rows to keep, in (0, 1]: 0.01 keeps about one row in a hundred. */
  readonly fraction: number;
  /** Picks the rows: the same seed and input give the same subset. A whole number in [0, 2³²). */
  readonly seed: number;
  /** The column (from 0) that holds each row's class; a quoted field is unquoted first. @default 0 */
  readonly labelColumn?: number | undefined;
  /** The fewest rows kept of each class (all of them when a class has fewer). @default 1 */
  readonly minPerClass?: number | undefined;
  /** Whether the first non-blank line is a header, kept first and not sampled. @default false */
  readonly header?: boolean | undefined;
}

export type ResolvedSubsetOptions = Required<{ [K in keyof SubsetOptions]: NonNullable<SubsetOptions[K]> }>;

/** The options with their defaults, checked once: a wrong one throws a RangeError or TypeError naming it. */
export function resolveSubsetOptions(options: SubsetOptions): ResolvedSubsetOptions {
  const { fraction, seed, labelColumn = 0, minPerClass = 1, header = false } = options;
  if (typeof fraction !== "number" || !(fraction > 0 && fraction <= 1)) {
    throw new RangeError(`Subset option fraction [${String(fraction)}] must be a number in (0, 1]. Please pass e.g. 0.01 to keep 1 %.`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`Subset option seed [${String(seed)}] must be a whole number in [0, 2^32). Please pass e.g. 42.`);
  }
  wholeNumber("labelColumn", labelColumn, "the column of the class label, from 0");
  wholeNumber("minPerClass", minPerClass, "the fewest rows to keep of each class, e.g. 1");
  if (typeof header !== "boolean") {
    throw new TypeError(
      `Subset option header [${String(header)}] must be true or false. Please pass true when the first line names the columns.`,
    );
  }
  return { fraction, seed, labelColumn, minPerClass, header };
}

function wholeNumber(name: string, value: number, fix: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`Subset option ${name} [${String(value)}] must be a whole number of at least 0. Please pass ${fix}.`);
  }
}
