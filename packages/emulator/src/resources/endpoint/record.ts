import type { TaggedRecord } from "../../store/emulator-store.js";

/** What the emulator stores for a endpoint (to be filled in with its request, plan and events). */
export interface EndpointRecord extends TaggedRecord {}
