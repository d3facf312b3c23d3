import { ServiceError, unimplementedOperation } from "../errors.js";
import { TARGET_PREFIX } from "../wire/aws-json.js";
import { LOGS_OPERATION_NAMES } from "./operation-names.js";
import { compareEvents, compareNames, type LogGroup, type LogStream, type LogsStore, type StoredLogEvent } from "./store.js";

/**
 * CloudWatch Logs' operations on a {@link LogsStore}: the groups, streams and events the SDK's
 * CloudWatchLogsClient and boto3's `logs` read and write. Facts and their sources: docs/fidelity.md §10.
 */
export interface LogsScope {
  readonly region: string;
  readonly accountId: string;
}

type Input = Record<string, unknown>;

const LOGS = { targetPrefix: TARGET_PREFIX.logs, name: "CloudWatch Logs" };

/** Runs one Logs operation at `now`; throws ServiceError as CloudWatch Logs would answer. */
export function callLogs(store: LogsStore, scope: LogsScope, operation: string, input: Input, now: number): object {
  switch (operation) {
    case "CreateLogGroup":
      return createLogGroup(store, input, now);
    case "CreateLogStream":
      return createLogStream(store, input, now);
    case "PutLogEvents":
      return putLogEvents(store, input, now);
    case "DescribeLogGroups":
      return describeLogGroups(store, scope, input);
    case "DescribeLogStreams":
      return describeLogStreams(store, scope, input);
    case "GetLogEvents":
      return getLogEvents(store, input);
    case "FilterLogEvents":
      return filterLogEvents(store, input);
    default:
      if (LOGS_OPERATION_NAMES.has(operation)) throw unimplementedOperation(operation, LOGS);
      throw new ServiceError("UnknownOperationException", "");
  }
}

// --- Errors -------------------------------------------------------------------------------------

const GROUP_NOT_FOUND = "The specified log group does not exist.";
const STREAM_NOT_FOUND = "The specified log stream does not exist.";

function invalid(message: string): ServiceError {
  return new ServiceError("InvalidParameterException", message);
}

// --- Reading the input --------------------------------------------------------------------------

function optionalString(input: Input, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ServiceError("SerializationException", `Expected a string for ${name}.`);
  return value;
}

function requiredString(input: Input, name: string): string {
  const value = optionalString(input, name);
  if (value === undefined) throw nullMember(name);
  return value;
}

function optionalInteger(input: Input, name: string, min: number, max: number): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new ServiceError("SerializationException", `Expected an integer for ${name}.`);
  }
  if (value < min) throw constraint(name, value, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw constraint(name, value, `Member must have value less than or equal to ${max}`);
  return value;
}

function optionalBoolean(input: Input, name: string): boolean | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw new ServiceError("SerializationException", `Expected a boolean for ${name}.`);
  return value;
}

/** A member the model requires, missing: Logs answers model violations as InvalidParameterException. */
function nullMember(name: string): ServiceError {
  return invalid(`1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
}

function constraint(name: string, value: unknown, rule: string): ServiceError {
  return invalid(`1 validation error detected: Value '${String(value)}' at '${name}' failed to satisfy constraint: ${rule}`);
}

const MAX_TIMESTAMP = Number.MAX_SAFE_INTEGER;

/** LogGroupName in botocore's model: 1–512 of `[\.\-_/#A-Za-z0-9]`. */
const LOG_GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
/** LogStreamName: 1–512 characters, no `:` or `*`. */
const LOG_STREAM_NAME = /^[^:*]{1,512}$/;

function checkName(name: string, member: string, pattern: RegExp): string {
  if (!pattern.test(name)) {
    const rule = pattern === LOG_GROUP_NAME ? "[\\.\\-_/#A-Za-z0-9]+" : "[^:*]*";
    throw constraint(member, name, `Member must satisfy regular expression pattern: ${rule}`);
  }
  return name;
}

/** `logGroupName`, or `logGroupIdentifier` (a name or an ARN); exactly one of them. */
function groupOf(store: LogsStore, input: Input): LogGroup {
  const name = optionalString(input, "logGroupName");
  const identifier = optionalString(input, "logGroupIdentifier");
  if (name !== undefined && identifier !== undefined) {
    throw invalid("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
  }
  const wanted = name ?? groupNameOfIdentifier(identifier);
  if (wanted === undefined) throw invalid("Either logGroupName or logGroupIdentifier must be specified.");
  const group = store.groups.get(wanted);
  if (!group) throw new ServiceError("ResourceNotFoundException", GROUP_NOT_FOUND);
  return group;
}

function groupNameOfIdentifier(identifier: string | undefined): string | undefined {
  if (identifier === undefined) return undefined;
  const arn = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+?)(?::\*)?$/.exec(identifier);
  return arn ? arn[1] : identifier;
}

function streamOf(group: LogGroup, name: string): LogStream {
  const stream = group.streams.get(name);
  if (!stream) throw new ServiceError("ResourceNotFoundException", STREAM_NOT_FOUND);
  return stream;
}

// --- Writing ------------------------------------------------------------------------------------

function createLogGroup(store: LogsStore, input: Input, now: number): object {
  const name = checkName(requiredString(input, "logGroupName"), "logGroupName", LOG_GROUP_NAME);
  if (store.groups.has(name)) throw new ServiceError("ResourceAlreadyExistsException", "The specified log group already exists");
  store.createGroup(name, now);
  return {};
}

function createLogStream(store: LogsStore, input: Input, now: number): object {
  const groupName = requiredString(input, "logGroupName");
  const name = checkName(requiredString(input, "logStreamName"), "logStreamName", LOG_STREAM_NAME);
  const group = store.groups.get(groupName);
  if (!group) throw new ServiceError("ResourceNotFoundException", GROUP_NOT_FOUND);
  if (group.streams.has(name)) throw new ServiceError("ResourceAlreadyExistsException", "The specified log stream already exists");
  store.createStream(group, name, now);
  return {};
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * PutLogEvents: 1–10,000 events in chronological order, spanning at most 24 hours; events more than 2 hours ahead of the
 * clock or older than 14 days are rejected (reported by index, the rest stored). Sequence tokens
 * are accepted and ignored, as CloudWatch has done since January 2023.
 */
function putLogEvents(store: LogsStore, input: Input, now: number): object {
  const groupName = requiredString(input, "logGroupName");
  const streamName = requiredString(input, "logStreamName");
  const raw = input.logEvents;
  if (raw === undefined || raw === null) throw nullMember("logEvents");
  if (!Array.isArray(raw)) throw new ServiceError("SerializationException", "Expected a list for logEvents.");
  if (raw.length < 1 || raw.length > 10_000) {
    throw constraint("logEvents", `[${raw.length} events]`, "Member must have length between 1 and 10000");
  }
  const events = raw.map((event: unknown, index) => {
    if (event === null || typeof event !== "object" || Array.isArray(event)) {
      throw new ServiceError("SerializationException", `Expected a structure for logEvents.${index + 1}.`);
    }
    const timestamp = optionalInteger(event as Input, "timestamp", 0, MAX_TIMESTAMP);
    if (timestamp === undefined) throw nullMember(`logEvents.${index + 1}.member.timestamp`);
    const message = requiredString(event as Input, "message");
    if (message.length < 1)
      throw constraint(`logEvents.${index + 1}.member.message`, message, "Member must have length greater than or equal to 1");
    return { timestamp, message };
  });
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.timestamp < events[i - 1]!.timestamp) {
      throw invalid("Log events in a single PutLogEvents request must be in chronological order.");
    }
  }
  if (events.at(-1)!.timestamp - events[0]!.timestamp > DAY) {
    throw invalid("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
  }
  const group = store.groups.get(groupName);
  if (!group) throw new ServiceError("ResourceNotFoundException", GROUP_NOT_FOUND);
  const stream = streamOf(group, streamName);

  const tooOldEnd = events.findLastIndex((event) => event.timestamp < now - 14 * DAY);
  const tooNewStart = events.findIndex((event) => event.timestamp > now + 2 * HOUR);
  const accepted = events.slice(tooOldEnd + 1, tooNewStart < 0 ? events.length : tooNewStart);
  store.put(stream, accepted, now);
  if (tooOldEnd < 0 && tooNewStart < 0) return {};
  return {
    rejectedLogEventsInfo: {
      ...(tooNewStart >= 0 && { tooNewLogEventStartIndex: tooNewStart }),
      ...(tooOldEnd >= 0 && { tooOldLogEventEndIndex: tooOldEnd }),
    },
  };
}

// --- Describing ---------------------------------------------------------------------------------

/** A page token for a listing: the sort key of the last item returned, opaque to clients. */
type ListKey = readonly (string | number)[];

function encodeListToken(key: ListKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

function decodeListToken(token: string, shape: readonly ("string" | "number")[]): ListKey {
  try {
    const key = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === shape[i])) return key as ListKey;
  } catch {
    // fall through
  }
  throw invalid("The specified nextToken is invalid.");
}

function compareKeys(a: ListKey, b: ListKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const order = typeof x === "number" ? x - (y as number) : compareNames(x, y as string);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * One page of `items` sorted by `keyOf` (reversed when `descending`), after the token's key,
 * with a token when more follow.
 */
function page<T>(
  items: readonly T[],
  keyOf: (item: T) => ListKey,
  shape: readonly ("string" | "number")[],
  options: { token: string | undefined; limit: number; descending: boolean },
): { items: T[]; nextToken?: string } {
  const sign = options.descending ? -1 : 1;
  const order = (a: ListKey, b: ListKey) => sign * compareKeys(a, b);
  const after = options.token === undefined ? undefined : decodeListToken(options.token, shape);
  const sorted = items
    .map((item) => ({ item, key: keyOf(item) }))
    .filter(({ key }) => after === undefined || order(key, after) > 0)
    .sort((a, b) => order(a.key, b.key));
  const shown = sorted.slice(0, options.limit);
  const last = shown.at(-1);
  return {
    items: shown.map(({ item }) => item),
    ...(sorted.length > shown.length && last && { nextToken: encodeListToken(last.key) }),
  };
}

function describeLogGroups(store: LogsStore, scope: LogsScope, input: Input): object {
  const prefix = optionalString(input, "logGroupNamePrefix");
  const pattern = optionalString(input, "logGroupNamePattern");
  if (prefix !== undefined && pattern !== undefined) {
    throw invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
  }
  const limit = optionalInteger(input, "limit", 1, 50) ?? 50;
  const groups = [...store.groups.values()].filter(
    (group) =>
      (prefix === undefined || group.name.startsWith(prefix)) &&
      (pattern === undefined || group.name.toLowerCase().includes(pattern.toLowerCase())),
  );
  const { items, nextToken } = page(groups, (group) => [group.name], ["string"], {
    token: optionalString(input, "nextToken"),
    limit,
    descending: false,
  });
  return {
    logGroups: items.map((group) => {
      const arn = `arn:aws:logs:${scope.region}:${scope.accountId}:log-group:${group.name}`;
      let storedBytes = 0;
      for (const stream of group.streams.values()) storedBytes += stream.storedBytes;
      return {
        logGroupName: group.name,
        creationTime: group.creationTime,
        metricFilterCount: 0,
        arn: `${arn}:*`,
        storedBytes,
        logGroupClass: "STANDARD",
        logGroupArn: arn,
      };
    }),
    ...(nextToken !== undefined && { nextToken }),
  };
}

/**
 * DescribeLogStreams: by name (with an optional prefix) or by the time of the last event (no
 * prefix then), ascending unless `descending`, 50 a page at most. A stream with no events has no
 * event times; ordered by LastEventTime it counts as 0 (inferred).
 */
function describeLogStreams(store: LogsStore, scope: LogsScope, input: Input): object {
  const group = groupOf(store, input);
  const prefix = optionalString(input, "logStreamNamePrefix");
  const orderBy = optionalString(input, "orderBy") ?? "LogStreamName";
  if (orderBy !== "LogStreamName" && orderBy !== "LastEventTime") {
    throw constraint("orderBy", orderBy, "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
  }
  if (orderBy === "LastEventTime" && prefix !== undefined) throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
  const limit = optionalInteger(input, "limit", 1, 50) ?? 50;
  const streams = [...group.streams.values()].filter((stream) => prefix === undefined || stream.name.startsWith(prefix));
  const byTime = orderBy === "LastEventTime";
  const { items, nextToken } = page(
    streams,
    (stream) => (byTime ? [stream.lastEventTimestamp ?? 0, stream.name] : [stream.name]),
    byTime ? ["number", "string"] : ["string"],
    { token: optionalString(input, "nextToken"), limit, descending: optionalBoolean(input, "descending") ?? false },
  );
  return {
    logStreams: items.map((stream) => ({
      logStreamName: stream.name,
      creationTime: stream.creationTime,
      ...(stream.events.length > 0 && {
        firstEventTimestamp: stream.firstEventTimestamp,
        lastEventTimestamp: stream.lastEventTimestamp,
        lastIngestionTime: stream.lastIngestionTime,
      }),
      arn: `arn:aws:logs:${scope.region}:${scope.accountId}:log-group:${group.name}:log-stream:${stream.name}`,
      storedBytes: 0, // deprecated: CloudWatch answers 0 since June 2019
    })),
    ...(nextToken !== undefined && { nextToken }),
  };
}

// --- Reading events -----------------------------------------------------------------------------

/**
 * A place between two events of a stream: every event whose (timestamp, write order) key is
 * below it lies before, every other after. Writes never move a place, so a token stays good
 * while events arrive, also ones with earlier timestamps.
 */
interface Place {
  readonly timestamp: number;
  /** 0 before every event of `timestamp`; else one more than the write sequence of the event just before. */
  readonly rank: number;
}

const HEAD: Place = { timestamp: 0, rank: 0 };

function beforeEvent(event: StoredLogEvent): Place {
  return { timestamp: event.timestamp, rank: event.sequence + 1 };
}

function afterEvent(event: StoredLogEvent): Place {
  return { timestamp: event.timestamp, rank: event.sequence + 2 };
}

function isBefore(event: StoredLogEvent, place: Place): boolean {
  return event.timestamp < place.timestamp || (event.timestamp === place.timestamp && event.sequence + 1 < place.rank);
}

/** CloudWatch's token shape: `f/` or `b/`, 56 digits, `/s`. */
function encodePlace(direction: "f" | "b", place: Place): string {
  return `${direction}/${String(place.timestamp).padStart(20, "0")}${String(place.rank).padStart(36, "0")}/s`;
}

function decodePlace(token: string): { direction: "f" | "b"; place: Place } {
  const match = /^([fb])\/(\d{20})(\d{36})\/s$/.exec(token);
  const timestamp = match ? Number(match[2]) : Number.NaN;
  const rank = match ? Number(match[3]) : Number.NaN;
  if (!match || !Number.isSafeInteger(timestamp) || !Number.isSafeInteger(rank)) throw invalid("The specified nextToken is invalid.");
  return { direction: match[1] as "f" | "b", place: { timestamp, rank } };
}

/**
 * GetLogEvents, paged as CloudWatch pages it. Without a token: the first `limit` events of the
 * time range when `startFromHead`, else the last `limit`. A forward token continues after the
 * page, a backward token before it; each page is in ascending time order. A page that finds
 * nothing answers the very token it was given, which is how clients know they have reached the end.
 */
function getLogEvents(store: LogsStore, input: Input): object {
  const streamName = requiredString(input, "logStreamName");
  const group = groupOf(store, input);
  const stream = streamOf(group, streamName);
  const startTime = optionalInteger(input, "startTime", 0, MAX_TIMESTAMP) ?? 0;
  const endTime = optionalInteger(input, "endTime", 0, MAX_TIMESTAMP) ?? MAX_TIMESTAMP;
  const limit = optionalInteger(input, "limit", 1, 10_000) ?? 10_000;
  const startFromHead = optionalBoolean(input, "startFromHead") ?? false;
  const token = optionalString(input, "nextToken");
  const cursor = token === undefined ? undefined : decodePlace(token);

  // The stream's events in the time range, in order.
  const inRange = stream.events.filter((event) => event.timestamp >= startTime && event.timestamp < endTime);
  let shown: StoredLogEvent[];
  let forward: boolean;
  if (cursor) {
    forward = cursor.direction === "f";
    shown = forward
      ? inRange.filter((event) => !isBefore(event, cursor.place)).slice(0, limit)
      : inRange.filter((event) => isBefore(event, cursor.place)).slice(-limit);
  } else {
    forward = startFromHead;
    shown = forward ? inRange.slice(0, limit) : inRange.slice(-limit);
  }

  let nextForwardToken: string;
  let nextBackwardToken: string;
  if (shown.length > 0) {
    nextForwardToken = encodePlace("f", afterEvent(shown.at(-1)!));
    nextBackwardToken = encodePlace("b", beforeEvent(shown[0]!));
  } else {
    // Nothing here: the place asked for, both ways (the token given comes back unchanged).
    const place = cursor?.place ?? (forward || inRange.length === 0 ? HEAD : afterEvent(inRange.at(-1)!));
    nextForwardToken = encodePlace("f", place);
    nextBackwardToken = encodePlace("b", place);
  }
  return {
    events: shown.map(({ timestamp, message, ingestionTime }) => ({ timestamp, message, ingestionTime })),
    nextForwardToken,
    nextBackwardToken,
  };
}

/**
 * FilterLogEvents over a group's streams (all, those named, or those with a prefix), in time
 * order across streams. The filter pattern is CloudWatch's term syntax: every term must appear
 * (case-sensitive), `"quoted phrases"` as written, `?term` any of those, `-term` none of those.
 * JSON (`{…}`) and space-delimited (`[…]`) patterns are not emulated.
 */
function filterLogEvents(store: LogsStore, input: Input): object {
  const group = groupOf(store, input);
  const names = input.logStreamNames;
  const prefix = optionalString(input, "logStreamNamePrefix");
  if (names !== undefined && names !== null && prefix !== undefined) {
    throw invalid("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
  }
  if (names !== undefined && names !== null && (!Array.isArray(names) || !names.every((name) => typeof name === "string"))) {
    throw new ServiceError("SerializationException", "Expected a list of strings for logStreamNames.");
  }
  const startTime = optionalInteger(input, "startTime", 0, MAX_TIMESTAMP) ?? 0;
  const endTime = optionalInteger(input, "endTime", 0, MAX_TIMESTAMP) ?? MAX_TIMESTAMP;
  const limit = optionalInteger(input, "limit", 1, 10_000) ?? 10_000;
  const matches = termMatcher(optionalString(input, "filterPattern") ?? "");
  const token = optionalString(input, "nextToken");
  const after = token === undefined ? undefined : decodeListToken(token, ["number", "number"]);

  const wanted = Array.isArray(names) ? new Set(names as string[]) : undefined;
  const streams = [...group.streams.values()].filter(
    (stream) => (wanted === undefined || wanted.has(stream.name)) && (prefix === undefined || stream.name.startsWith(prefix)),
  );
  if (wanted !== undefined) {
    for (const name of wanted) if (!group.streams.has(name)) throw new ServiceError("ResourceNotFoundException", STREAM_NOT_FOUND);
  }
  const found: { stream: LogStream; event: StoredLogEvent }[] = [];
  for (const stream of streams) {
    for (const event of stream.events) {
      if (event.timestamp < startTime || event.timestamp >= endTime) continue;
      if (after !== undefined && compareKeys([event.timestamp, event.sequence], after) <= 0) continue;
      if (matches(event.message)) found.push({ stream, event });
    }
  }
  found.sort((a, b) => compareEvents(a.event, b.event));
  const shown = found.slice(0, limit);
  const last = shown.at(-1);
  return {
    events: shown.map(({ stream, event }) => ({
      logStreamName: stream.name,
      timestamp: event.timestamp,
      message: event.message,
      ingestionTime: event.ingestionTime,
      eventId: `${String(event.timestamp).padStart(20, "0")}${String(event.sequence).padStart(36, "0")}`,
    })),
    searchedLogStreams: streams.map((stream) => ({ logStreamName: stream.name, searchedCompletely: true })),
    ...(found.length > shown.length && last && { nextToken: encodeListToken([last.event.timestamp, last.event.sequence]) }),
  };
}

/** CloudWatch's term filter pattern as a predicate on a message. */
export function termMatcher(pattern: string): (message: string) => boolean {
  const trimmed = pattern.trim();
  if (trimmed === "") return () => true;
  if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("%")) {
    throw invalid(`The sagerun emulator matches term filter patterns only, not ${JSON.stringify(trimmed.slice(0, 50))}.`);
  }
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  for (const [, sign = "", quoted, bare] of trimmed.matchAll(/([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)) {
    const term = quoted !== undefined ? quoted.replace(/\\(.)/g, "$1") : bare!;
    (sign === "?" ? any : sign === "-" ? none : all).push(term);
  }
  return (message) =>
    all.every((term) => message.includes(term)) &&
    (any.length === 0 || any.some((term) => message.includes(term))) &&
    !none.some((term) => message.includes(term));
}
