/**
 * On-demand prices of SageMaker ML instances, in USD per instance-hour, for the cost estimates.
 * A shipped table goes stale: every estimate takes `prices` to correct one entry or to replace
 * the whole table (another region, a negotiated rate, a fresh read of the Price List API).
 */

/** USD per instance-hour for one region, with where the numbers come from and when they were read. */
export interface PriceTable {
  /** The AWS region the prices apply to, e.g. `"us-east-1"`. */
  readonly region: string;
  /** Where the prices were read, a URL. */
  readonly source: string;
  /** When they were read, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Instance type → on-demand USD per instance-hour, e.g. `{ "ml.m5.large": 0.115 }`. */
  readonly usdPerHour: { readonly [instanceType: string]: number };
}

/**
 * What the `prices` option takes: a few prices laid over the shipped us-east-1 table
 * (`{ "ml.m5.large": 0.115 }`), or a whole {@link PriceTable} that replaces it.
 */
export type PriceOverrides = PriceTable | { readonly [instanceType: string]: number };

/**
 * The shipped table: us-east-1, on-demand, one price for training, processing, batch transform and
 * real-time hosting. NOT verified against the live page, which renders its prices with JavaScript:
 * the values are recalled figures that several third-party cost tables in public repositories
 * agree with; others disagree (some show hosting slightly lower, e.g. ml.m5.large 0.112), and
 * ml.t3.medium varies most between them. Pass `prices` where accuracy matters.
 */
export const US_EAST_1_PRICES: PriceTable = {
  region: "us-east-1",
  source: "https://aws.amazon.com/sagemaker/pricing/",
  asOf: "2026-11-30",
  usdPerHour: {
    "ml.t3.medium": 0.05,
    "ml.m5.large": 0.115,
    "ml.m5.xlarge": 0.23,
    "ml.m5.2xlarge": 0.461,
    "ml.m5.4xlarge": 0.922,
    "ml.c5.xlarge": 0.204,
    "ml.c5.2xlarge": 0.408,
    "ml.c5.4xlarge": 0.816,
    "ml.g4dn.xlarge": 0.736,
    "ml.g5.xlarge": 1.408,
    "ml.p3.2xlarge": 3.825,
    "ml.p3.8xlarge": 14.688,
    "ml.p3.16xlarge": 28.152,
  },
};

/** Options every cost function takes. */
export interface PriceOptions {
  /** Prices to use. @default the shipped us-east-1 table, {@link US_EAST_1_PRICES} */
  readonly prices?: PriceOverrides;
  /**
   * The region the jobs run in. The resolved table must be for it: outside us-east-1, pass a
   * whole {@link PriceTable} for the region.
   * @default the table's own region
   */
  readonly region?: string;
}

function isTable(prices: PriceOverrides): prices is PriceTable {
  return typeof prices.usdPerHour === "object" && prices.usdPerHour !== null;
}

/** The table an estimate uses: the shipped one, with overrides laid over it, or the caller's own. */
export function resolvePrices(options: PriceOptions = {}): PriceTable {
  const { prices } = options;
  let table = US_EAST_1_PRICES;
  if (prices !== undefined && isTable(prices)) table = prices;
  else if (prices !== undefined) {
    table = { ...US_EAST_1_PRICES, usdPerHour: { ...US_EAST_1_PRICES.usdPerHour, ...(prices as Record<string, number>) } };
  }
  for (const [type, price] of Object.entries(table.usdPerHour)) {
    if (!Number.isFinite(price) || price < 0) {
      throw new RangeError(
        `Failed to read the price table: prices["${type}"] [${price}] must be a finite number of USD per hour, 0 or more.`,
      );
    }
  }
  if (options.region !== undefined && options.region !== table.region) {
    throw new RangeError(
      `Failed to price jobs in ${options.region}: the price table is for ${table.region}. Please pass a whole table for the ` +
        `region: { prices: { region: "${options.region}", source, asOf, usdPerHour: { … } } }.`,
    );
  }
  return table;
}

/** One instance type's price in `table`; a type without one throws, naming it and the fix. */
export function priceOf(table: PriceTable, instanceType: string): number {
  const price = Object.hasOwn(table.usdPerHour, instanceType) ? table.usdPerHour[instanceType] : undefined;
  if (price === undefined) {
    throw new RangeError(
      `Failed to price instance type '${instanceType}': the ${table.region} price table (${table.source}, as of ${table.asOf}) ` +
        `has no entry for it. Please pass its on-demand USD per instance-hour: { prices: { "${instanceType}": <price> } }.`,
    );
  }
  return price;
}
