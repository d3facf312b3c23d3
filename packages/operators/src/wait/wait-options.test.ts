import { describe, expect, it } from "vitest";
import { resolveWaitOptions } from "./wait-options.js";

describe(resolveWaitOptions.name, () => {
  it("fills in Airflow's 30 s interval, no deadline, no attempt limit, and stop on timeout, error and abort", () => {
    expect(resolveWaitOptions()).toEqual({
      checkIntervalSeconds: 30,
      maxWaitSeconds: Infinity,
      maxAttempts: Infinity,
      stopOnTimeout: true,
      stopOnError: true,
      stopOnAbort: true,
    });
    expect(resolveWaitOptions({ maxWaitSeconds: 60, stopOnTimeout: false })).toMatchObject({ maxWaitSeconds: 60, stopOnTimeout: false });
  });

  it("throws a RangeError naming the option, the value and the fix", () => {
    expect(() => resolveWaitOptions({ checkIntervalSeconds: 0 })).toThrow(
      new RangeError("Wait option checkIntervalSeconds [0] must be a finite number greater than 0. Please pass the seconds between status checks, e.g. 30."),
    );
    expect(() => resolveWaitOptions({ checkIntervalSeconds: Infinity })).toThrow(RangeError);
    expect(() => resolveWaitOptions({ maxWaitSeconds: -1 })).toThrow(/maxWaitSeconds \[-1\] must be greater than 0/);
    expect(() => resolveWaitOptions({ maxWaitSeconds: Number.NaN })).toThrow(RangeError);
    expect(() => resolveWaitOptions({ maxAttempts: 2.5 })).toThrow(/maxAttempts \[2.5\] must be a whole number/);
    expect(() => resolveWaitOptions({ maxAttempts: 0 })).toThrow(RangeError);
  });

  it("throws a TypeError for a value of the wrong type", () => {
    expect(() => resolveWaitOptions({ checkIntervalSeconds: "30" as unknown as number })).toThrow(
      new TypeError("Wait option checkIntervalSeconds [30] must be a number, not string. Please pass the seconds between status checks, e.g. 30."),
    );
    expect(() => resolveWaitOptions({ stopOnTimeout: "yes" as unknown as boolean })).toThrow(TypeError);
    expect(() => resolveWaitOptions({ stopOnError: 1 as unknown as boolean })).toThrow(
      new TypeError("Wait option stopOnError [1] must be a boolean. Please pass true (stop the job when waiting fails) or false (leave it running)."),
    );
    expect(() => resolveWaitOptions({ stopOnAbort: "no" as unknown as boolean })).toThrow(/Wait option stopOnAbort \[no\] must be a boolean/);
  });
});
