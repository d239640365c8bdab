/** `list[index]`, or a loud error: the demo's indices are computed, so a miss is a bug. */
export function itemAt<T>(list: readonly T[], index: number): T {
  if (!Number.isInteger(index) || index < 0 || index >= list.length)
    throw new RangeError(`Index ${index} outside a list of ${list.length}`);
  return list[index] as T;
}
