import { setImmediate as pause } from 'node:timers/promises';

/**
 * Runs `fn` over the items in slices of `size`, letting the event loop answer other requests
 * between slices: for the long loops of a large import that must stay on the request thread
 * (they hash with the server's key or need its database).
 */
export async function inSlices<T>(
  items: readonly T[],
  size: number,
  fn: (item: T, index: number) => void,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(items.length, start + size);
    for (let i = start; i < end; i++) fn(items[i]!, i);
    if (end < items.length) await pause();
  }
}
