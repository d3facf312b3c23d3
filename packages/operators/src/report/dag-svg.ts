import { formatDuration } from "../pipeline/progress-model.js";
import { clip, type Html, html } from "./html.js";
import type { StepView } from "./run-view.js";

const NODE_W = 150;
const NODE_H = 40;
const COL_GAP = 40;
const ROW_GAP = 18;
const PAD = 12;
const LABEL_CHARS = 22;

/** Each step's depth: 0 without dependencies, else one more than its deepest dependency's (the DAG has no cycle). */
function depths(steps: readonly StepView[]): Map<string, number> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const of = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    depth.set(id, 0); // a guard, were a cycle ever handed in: it ends the recursion
    const deps = byId.get(id)?.dependsOn.filter((d) => byId.has(d)) ?? [];
    const d = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(of));
    depth.set(id, d);
    return d;
  };
  for (const s of steps) of(s.id);
  return depth;
}

/**
 * The pipeline's DAG as inline SVG: one column per depth, steps in the pipeline's order within a
 * column, an arrow from each dependency to its dependent; each node carries its step id
 * (`data-step`) and outcome (`data-state`, class `state-<state>`), its full id and note as a tooltip.
 */
export function dagSvg(steps: readonly StepView[]): Html {
  const depth = depths(steps);
  const columns = new Map<number, StepView[]>();
  for (const s of steps) columns.set(depth.get(s.id)!, [...(columns.get(depth.get(s.id)!) ?? []), s]);
  const place = new Map<string, { x: number; y: number }>();
  for (const [d, column] of columns) {
    for (const [row, s] of column.entries()) place.set(s.id, { x: PAD + d * (NODE_W + COL_GAP), y: PAD + row * (NODE_H + ROW_GAP) });
  }
  const width = PAD * 2 + Math.max(1, columns.size) * (NODE_W + COL_GAP) - COL_GAP;
  const height = PAD * 2 + Math.max(1, ...[...columns.values()].map((c) => c.length)) * (NODE_H + ROW_GAP) - ROW_GAP;
  const edges = steps.flatMap((s) =>
    s.dependsOn.flatMap((d) => {
      const from = place.get(d);
      const to = place.get(s.id)!;
      if (from === undefined) return [];
      const [x1, y1, x2, y2] = [from.x + NODE_W, from.y + NODE_H / 2, to.x - 4, to.y + NODE_H / 2];
      const bend = (x2 - x1) / 2;
      return [
        html`<path class="edge" data-from="${d}" data-to="${s.id}" d="M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}" marker-end="url(#arrow)"/>`,
      ];
    }),
  );
  const nodes = steps.map((s) => {
    const { x, y } = place.get(s.id)!;
    const took = s.fromMs !== undefined && s.toMs !== undefined ? ` · ${formatDuration(s.toMs - s.fromMs)}` : "";
    return html`<g class="node state-${s.state}" data-step="${s.id}" data-state="${s.state}" transform="translate(${x},${y})">
<title>${s.id}: ${s.state}${s.note === undefined ? "" : ` (${s.note})`}</title>
<rect width="${NODE_W}" height="${NODE_H}" rx="6"/>
<text x="10" y="16" class="node-id">${clip(s.id, LABEL_CHARS)}</text>
<text x="10" y="32" class="node-state">${s.state}${took}</text>
</g>`;
  });
  return html`<svg class="dag" role="img" aria-label="The pipeline's steps and their outcomes" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrow-head"/></marker></defs>
${edges}
${nodes}
</svg>`;
}
