import type { EmulatorModule } from "../emulator-types.js";
import { EmulatorNotInstalledError } from "../errors/index.js";
import { isMissingPackage } from "./load-peer.js";

/**
 * Loads the optional peer `@sagerun/emulator` with a dynamic `import()`, so code that only talks
 * to AWS never loads it (nor msw, which it depends on). A missing package becomes
 * {@link EmulatorNotInstalledError}; any other failure (the emulator's own bug) is thrown as is.
 *
 * The default importer is typed as returning the local {@link EmulatorModule}: assigning the real
 * module to it is the compile-time check that `emulator-types.ts` still matches the emulator.
 *
 * @param importer - the import to run; tests replace it to simulate a missing package
 */
export async function loadEmulator(
  source: string,
  importer: () => Promise<EmulatorModule> = () => import("@sagerun/emulator"),
): Promise<EmulatorModule> {
  try {
    return await importer();
  } catch (err) {
    if (isMissingPackage(err, "@sagerun/emulator")) throw new EmulatorNotInstalledError({ source, cause: err });
    throw err;
  }
}
