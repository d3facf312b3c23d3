import type { Parameter } from "@aws-sdk/client-sagemaker";
import { validationError } from "../../../errors.js";
import { asText } from "./expressions.js";
import type { ParameterDefinition, ParameterValue } from "./types.js";

/**
 * The execution's parameter values: each declared parameter from PipelineParameters (given as a
 * string, [MODEL] Parameter.Value) converted to its declared type, else its DefaultValue. [INF]
 * like the SDK's local mode (local/entities.py), a name the definition does not declare, a
 * parameter with neither a value nor a default, and a value that is not of the type are refused;
 * the texts are local mode's where it has one.
 */
export function resolveParameters(
  definitions: readonly ParameterDefinition[],
  supplied: readonly Parameter[] | undefined,
): Record<string, ParameterValue> {
  const byName = new Map(definitions.map((d) => [d.Name, d]));
  const given = new Map<string, string>();
  for (const { Name, Value } of supplied ?? []) {
    if (!byName.has(Name!)) throw validationError(`Unknown parameter '${Name}'.`);
    given.set(Name!, Value!);
  }
  const values: Record<string, ParameterValue> = Object.create(null);
  for (const definition of definitions) {
    const text = given.get(definition.Name);
    const value = text === undefined ? definition.DefaultValue : convert(definition, text);
    if (value === undefined) throw validationError(`Parameter '${definition.Name}' is undefined.`);
    if (definition.EnumValues && !definition.EnumValues.includes(String(value))) {
      throw validationError(
        `Value '${String(value)}' of parameter '${definition.Name}' is not one of [${definition.EnumValues.join(", ")}].`,
      );
    }
    values[definition.Name] = value;
  }
  return values;
}

function convert(definition: ParameterDefinition, text: string): ParameterValue {
  const wrong = () => validationError(`Value '${text}' of parameter '${definition.Name}' is not of type ${definition.Type}.`);
  switch (definition.Type) {
    case "String":
      return text;
    case "Integer":
      if (!/^[+-]?\d+$/.test(text.trim())) throw wrong();
      return Number(text);
    case "Float":
      if (text.trim() === "" || !Number.isFinite(Number(text))) throw wrong();
      return Number(text);
    case "Boolean":
      if (!/^(true|false)$/i.test(text.trim())) throw wrong();
      return text.trim().toLowerCase() === "true";
  }
}

/** The values as ListPipelineParametersForExecution lists them: strings ([MODEL] Parameter.Value). */
export function parameterList(values: Readonly<Record<string, ParameterValue>>): Parameter[] {
  return Object.entries(values).map(([Name, value]) => ({ Name, Value: asText(value) }));
}
