import { type Query, QueryCache } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

/**
 * Every failed query, so no page is left on "Memuat…" or an empty table after an error: a page
 * that shows a query's error in place (QueryState) marks it shown; the shell shows the others.
 */
interface Failed {
  hash: string;
  error: Error;
  retry: () => void;
}

let failed: Failed[] = [];
const shownInPlace = new Map<string, number>();
const listeners = new Set<() => void>();
/** The failed queries no page shows in place; recomputed on every change, so readers get a stable array. */
let unshown: Failed[] = [];
/** What a page drawn on the server shows: no failed query (it draws none it could not answer). */
const none: Failed[] = [];
const emit = () => {
  unshown = failed.filter((f) => !shownInPlace.has(f.hash));
  for (const l of listeners) l();
};

function set(next: Failed[]) {
  failed = next;
  emit();
}

export const queryCache = new QueryCache({
  onError: (error, query: Query<unknown, unknown>) => {
    const entry = { hash: query.queryHash, error, retry: () => void query.fetch() };
    set([...failed.filter((f) => f.hash !== query.queryHash), entry]);
  },
  onSuccess: (_data, query: Query<unknown, unknown>) => {
    if (failed.some((f) => f.hash === query.queryHash)) set(failed.filter((f) => f.hash !== query.queryHash));
  },
});

export function dismiss(hash: string) {
  set(failed.filter((f) => f.hash !== hash));
}

/** A page shows this query's error itself (while it is mounted). */
export function markShown(hash: string) {
  shownInPlace.set(hash, (shownInPlace.get(hash) ?? 0) + 1);
  emit();
  return () => {
    const n = (shownInPlace.get(hash) ?? 1) - 1;
    if (n > 0) shownInPlace.set(hash, n);
    else shownInPlace.delete(hash);
    emit();
  };
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The failed queries no page shows in place, newest last. */
export function useUnshownErrors(): Failed[] {
  return useSyncExternalStore(
    subscribe,
    () => unshown,
    () => none,
  );
}
