const cache = new WeakMap<object, Map<string, number>>();

/**
 * `Date.parse(record[field])`, remembered per record object. Stored documents are replaced,
 * never changed in place, so a record object's timestamps never change; Today reads thousands
 * of them on every refresh.
 */
export function parsedTime<T extends object, K extends keyof T & string>(record: T, field: K): number {
  let times = cache.get(record);
  if (!times) {
    times = new Map();
    cache.set(record, times);
  }
  let time = times.get(field);
  if (time === undefined) {
    time = Date.parse(String(record[field]));
    times.set(field, time);
  }
  return time;
}
