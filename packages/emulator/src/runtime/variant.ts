import type { RuntimeVariant } from "./port.js";

/**
 * Picks the production variant a request without TargetVariant goes to: each variant gets a share
 * of the traffic in proportion to its weight, and a weight of 0 takes none ("the weight of a
 * variant divided by the sum of the weights": API_ProductionVariant, InitialVariantWeight). The
 * draw is the caller's seeded `random` (uniform in [0, 1)), so a seed replays the same choices.
 * Undefined when no variant has a weight above 0.
 */
export function chooseVariant(variants: readonly RuntimeVariant[], random: () => number): RuntimeVariant | undefined {
  const eligible = variants.filter((variant) => variant.weight > 0 && Number.isFinite(variant.weight));
  const total = eligible.reduce((sum, variant) => sum + variant.weight, 0);
  if (eligible.length === 0) return undefined;
  const point = random() * total;
  let reached = 0;
  for (const variant of eligible) {
    reached += variant.weight;
    if (point < reached) return variant;
  }
  // Rounding can leave the point a hair past the last sum: it belongs to the last variant.
  return eligible.at(-1);
}
