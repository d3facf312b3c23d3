import { compareKeys } from "../store/cursor.js";

/**
 * CloudWatch Logs' data, in memory: log groups, their streams, and each stream's events kept in
 * timestamp order. Every time here is epoch milliseconds on the emulator's clock. The wire and
 * the operations live in operations.ts; the emulator's jobs write through {@link LogsStore.appendEvents}.
 */

/** One event as a writer gives it: the time it happened (epoch ms) and its text. */
export interface LogEventInput {
  readonly timestamp: number;
  readonly message: string;
}

/** One stored event: what was written, when it was ingested, and its place in the stream's order. */
export interface StoredLogEvent extends LogEventInput {
  readonly ingestionTime: number;
  /** The store-wide write order: ties on `timestamp` keep the order they were written in. */
  readonly sequence: number;
}

export class LogStream {
  /** Sorted by (timestamp, sequence). */
  readonly events: StoredLogEvent[] = [];
  lastIngestionTime: number | undefined;

  constructor(
    readonly name: string,
    readonly creationTime: number,
  ) {}

  get firstEventTimestamp(): number | undefined {
    return this.events[0]?.timestamp;
  }

  get lastEventTimestamp(): number | undefined {
    return this.events.at(-1)?.timestamp;
  }

  get storedBytes(): number {
    let bytes = 0;
    for (const event of this.events) bytes += Buffer.byteLength(event.message) + 26; // CloudWatch bills 26 bytes of overhead per event
    return bytes;
  }

  insert(event: StoredLogEvent): void {
    // Writers mostly append in time order: search from the end.
    let at = this.events.length;
    while (at > 0 && compareEvents(this.events[at - 1]!, event) > 0) at--;
    this.events.splice(at, 0, event);
  }
}

export class LogGroup {
  readonly streams = new Map<string, LogStream>();

  constructor(
    readonly name: string,
    readonly creationTime: number,
  ) {}
}

/**
 * Lines a job will print, known ahead (its computation ran at one virtual instant) but revealed
 * only as the clock passes each line's timestamp, and never past `until()`: the end of the job's
 * running, which a stop that comes later moves earlier.
 */
interface ScheduledLines {
  readonly group: string;
  readonly stream: string;
  /** In timestamp order. */
  readonly events: readonly LogEventInput[];
  next: number;
  readonly until: () => number;
}

export class LogsStore {
  readonly groups = new Map<string, LogGroup>();
  #sequence = 0;
  #scheduled: ScheduledLines[] = [];

  createGroup(name: string, now: number): LogGroup {
    const group = new LogGroup(name, now);
    this.groups.set(name, group);
    return group;
  }

  createStream(group: LogGroup, name: string, now: number): LogStream {
    const stream = new LogStream(name, now);
    group.streams.set(name, stream);
    return stream;
  }

  /** Stores `events` in `stream`, ingested `now`. */
  put(stream: LogStream, events: readonly LogEventInput[], now: number): void {
    for (const { timestamp, message } of events) {
      stream.insert({ timestamp, message, ingestionTime: now, sequence: this.#sequence++ });
    }
    if (events.length > 0) stream.lastIngestionTime = now;
  }

  /**
   * The emulator's own writers (a job's log lines): appends `events` to `groupName`/`streamName`,
   * creating the group and the stream as needed, as SageMaker's containers do through their log driver.
   */
  appendEvents(groupName: string, streamName: string, events: readonly LogEventInput[], now: number): void {
    const group = this.groups.get(groupName) ?? this.createGroup(groupName, now);
    const stream = group.streams.get(streamName) ?? this.createStream(group, streamName, now);
    this.put(stream, events, now);
  }

  /**
   * Schedules `events` for `groupName`/`streamName`: each appears once the clock reaches its
   * timestamp (ingested then), unless it lies after `until()` when that time has come.
   */
  schedule(groupName: string, streamName: string, events: readonly LogEventInput[], until: () => number, now: number): void {
    const sorted = [...events].sort((a, b) => a.timestamp - b.timestamp);
    this.#scheduled.push({ group: groupName, stream: streamName, events: sorted, next: 0, until });
    this.reveal(now);
  }

  /** Appends every scheduled line whose time has come by `now`; forgets those that never will. */
  reveal(now: number): void {
    if (this.#scheduled.length === 0) return;
    this.#scheduled = this.#scheduled.filter((lines) => {
      const until = lines.until();
      const limit = Math.min(now, until);
      let end = lines.next;
      while (end < lines.events.length && lines.events[end]!.timestamp <= limit) end++;
      if (end > lines.next) {
        const group = this.groups.get(lines.group) ?? this.createGroup(lines.group, lines.events[lines.next]!.timestamp);
        const stream = group.streams.get(lines.stream) ?? this.createStream(group, lines.stream, lines.events[lines.next]!.timestamp);
        // Each line is ingested when it is printed (virtual time), as the container's log driver ships it.
        for (const event of lines.events.slice(lines.next, end)) this.put(stream, [event], event.timestamp);
        lines.next = end;
      }
      return lines.next < lines.events.length && until > now;
    });
  }

  clear(): void {
    this.groups.clear();
    this.#scheduled = [];
  }

  /** Every group, its streams and their event counts (not the events), for `emulator.state()`. */
  state(): unknown[] {
    return [...this.groups.values()]
      .sort((a, b) => compareNames(a.name, b.name))
      .map((group) => ({
        logGroupName: group.name,
        creationTime: group.creationTime,
        logStreams: [...group.streams.values()]
          .sort((a, b) => compareNames(a.name, b.name))
          .map((stream) => ({
            logStreamName: stream.name,
            creationTime: stream.creationTime,
            events: stream.events.length,
            ...(stream.events.length > 0 && {
              firstEventTimestamp: stream.firstEventTimestamp,
              lastEventTimestamp: stream.lastEventTimestamp,
              lastIngestionTime: stream.lastIngestionTime,
            }),
          })),
      }));
  }
}

/** The events' order in a stream: by timestamp, ties in write order. */
export function compareEvents(a: StoredLogEvent, b: StoredLogEvent): number {
  return a.timestamp - b.timestamp || a.sequence - b.sequence;
}

/** Names in code-unit order, as CloudWatch lists groups and streams by name. */
export const compareNames: (a: string, b: string) => number = compareKeys;
