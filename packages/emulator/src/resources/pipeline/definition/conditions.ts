import { asText, evaluate, ExpressionError, type ExpressionScope } from "./expressions.js";

/**
 * A Condition step's `Conditions` (SDK workflow/conditions.py): comparisons
 * `{"Type": "Equals|GreaterThan|GreaterThanOrEqualTo|LessThan|LessThanOrEqualTo", "LeftValue",
 * "RightValue"}`, `{"Type": "In", "QueryValue", "Values"}`, `{"Type": "Not", "Condition"}`,
 * `{"Type": "Or", "Conditions"}`. The list itself is an AND ([DOC] condition_step.py: the if
 * steps run "if all of the conditions" evaluate to True).
 */
export function evaluateConditions(conditions: readonly unknown[], scope: ExpressionScope): boolean {
  return conditions.every((condition) => evaluateCondition(condition, scope));
}

function evaluateCondition(condition: unknown, scope: ExpressionScope): boolean {
  if (condition === null || typeof condition !== "object") throw new ExpressionError("A condition must be a JSON object.");
  const c = condition as Record<string, unknown>;
  switch (c.Type) {
    case "Not":
      return !evaluateCondition(c.Condition ?? c.Expression, scope);
    case "Or":
      return (Array.isArray(c.Conditions) ? c.Conditions : []).some((inner) => evaluateCondition(inner, scope));
    case "In": {
      const query = evaluate(c.QueryValue, scope);
      return (Array.isArray(c.Values) ? c.Values : []).some((v) => equal(query, evaluate(v, scope)));
    }
    case "Equals":
      return equal(evaluate(c.LeftValue, scope), evaluate(c.RightValue, scope));
    case "GreaterThan":
    case "GreaterThanOrEqualTo":
    case "LessThan":
    case "LessThanOrEqualTo": {
      const order = compare(evaluate(c.LeftValue, scope), evaluate(c.RightValue, scope));
      if (c.Type === "GreaterThan") return order > 0;
      if (c.Type === "GreaterThanOrEqualTo") return order >= 0;
      if (c.Type === "LessThan") return order < 0;
      return order <= 0;
    }
    default:
      throw new ExpressionError(`Unknown condition type '${String(c.Type)}'.`);
  }
}

/** [INF] numbers compare as numbers (a metric against a Float parameter), otherwise as text. */
function equal(a: unknown, b: unknown): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return x === y;
  return asText(a) === asText(b);
}

function compare(a: unknown, b: unknown): number {
  const x = numeric(a);
  const y = numeric(b);
  if (x === undefined || y === undefined) throw new ExpressionError(`Cannot compare ${JSON.stringify(a)} with ${JSON.stringify(b)}.`);
  return x - y;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}
