import { ContainerError } from "../containers/contract.js";

/** Refuses records whose feature count is not the model's: at training (a job failure) or in a request (a 400). */
export function checkFeatureCount(rows: readonly (readonly number[])[], featureDim: number, where: string): void {
  const bad = rows.findIndex((row) => row.length !== featureDim);
  if (bad >= 0) {
    throw new ContainerError(
      "ClientError",
      `feature_dim is ${featureDim}, but record ${bad + 1} of ${where} has ${rows[bad]!.length} features`,
    );
  }
}

/** A channel by name, if the job has it (own keys only). */
export function channelNamed<T>(channels: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(channels, name) ? channels[name] : undefined;
}

/** The channel the algorithm cannot train without, or the ClientError that says so. */
export function requiredChannel<T>(channels: Readonly<Record<string, T>>, name: string, algorithm: string): T {
  const channel = channelNamed(channels, name);
  if (channel === undefined) throw new ContainerError("ClientError", `${algorithm} needs a channel named ${name}`);
  return channel;
}
