/**
 * The path of member `key` under `parent`, as test mode's changes name it: `ResourceConfig.InstanceType`,
 * `HyperParameters["sagemaker.key"]` for a name that is not an identifier, `TrainingJobDefinitions[0]` for an index.
 */
export function memberPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === "" ? key : `${parent}.${key}`;
}
