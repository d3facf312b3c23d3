import type { ResourceModuleFactory } from "../resource-module.js";

/** endpoint configs: not emulated yet. */
export const endpointConfigModule: ResourceModuleFactory = () => ({ operations: {}, dump: () => [] });
