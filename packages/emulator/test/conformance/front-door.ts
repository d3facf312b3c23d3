import type { SageMakerClient } from "@aws-sdk/client-sagemaker";

/** One front door under test: a real SDK client wired through it, plus raw access to its wire. */
export interface FrontDoor {
  readonly client: SageMakerClient;
  /** Posts `body` as an AWS JSON 1.1 request with this X-Amz-Target: what the SDK never sends. */
  post(target: string | undefined, body: string): Promise<RawResponse>;
  /** Moves the emulator's clock forward by `seconds` of virtual time. */
  advance(seconds: number): Promise<void>;
  close(): Promise<void>;
}

export interface RawResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly json: Record<string, unknown>;
}

/** As hono's `runTest({ skip })`: what a door does not support, and why. */
export interface Skip {
  readonly reason: string;
  readonly tests: readonly string[];
}

export const REGION = "us-east-1";
export const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };
export const SAGEMAKER_URL = `https://api.sagemaker.${REGION}.amazonaws.com/`;

export function awsJsonHeaders(target: string | undefined): Record<string, string> {
  return { "content-type": "application/x-amz-json-1.1", ...(target ? { "x-amz-target": target } : {}) };
}

/** A fetch Response as a {@link RawResponse}. */
export async function rawOf(response: Response): Promise<RawResponse> {
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    json: (await response.json()) as Record<string, unknown>,
  };
}
