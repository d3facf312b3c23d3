import { open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { StateFileError } from "./frames.js";

/** Holds the pid of the process serving the state dir: two writers would interleave their records. */
export const LOCK_FILE = "lock";

/** The locks this process holds: a lock naming this pid but not in here was left by an earlier process that had the same pid (a container restarted). */
const held = new Set<string>();

/**
 * Takes the state dir for this process, or refuses when a live process holds it. A lock left by
 * a process that is gone (a SIGKILL leaves one) is taken over. Resolves with the release.
 */
export async function lockStateDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await open(path, "wx");
      await file.write(String(process.pid));
      await file.close();
      held.add(path);
      return async () => {
        held.delete(path);
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
    }
    const holder = Number((await readFile(path, "utf8").catch(() => "")).trim());
    const ours = holder === process.pid;
    if (Number.isSafeInteger(holder) && holder > 0 && (ours ? held.has(path) : isAlive(holder))) {
      throw new StateFileError(
        `${dir} is in use by process ${holder}${ours ? " (this one)" : ""}: one server per state dir. ` +
          `Stop it first, or use another --state-dir (if no such server runs, delete ${path}).`,
      );
    }
    await rm(path, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
