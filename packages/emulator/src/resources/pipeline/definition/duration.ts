/**
 * An ISO-8601 duration as CacheConfig.ExpireAfter takes it ([DOC] developer guide
 * "pipelines-caching": `PT1H`, `P30D`, and the guide's own `T16m`), in milliseconds; undefined
 * when it is not one. [INF] a year is 365 days and a month 30; letters may be lower case, and the
 * leading P may be left out as in the guide's example.
 */
export function isoDurationMs(text: string): number | undefined {
  const match =
    /^P?(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
      text.trim(),
    );
  if (!match || match.slice(1).every((part) => part === undefined) || /T$/i.test(text.trim())) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const DAY = 86_400_000;
  return Math.round(
    years! * 365 * DAY + months! * 30 * DAY + weeks! * 7 * DAY + days! * DAY + hours! * 3_600_000 + minutes! * 60_000 + seconds! * 1000,
  );
}
