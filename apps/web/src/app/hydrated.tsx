import { type ReactNode, useEffect, useSyncExternalStore } from 'react';

/** Whether the app has taken over a page (the one the server drew, or the first it drew itself). */
let takenOver = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * Placed right after a page, inside the Suspense boundary the page's code loads in: its effect
 * runs once that boundary is taken over, which for a page the server drew is only when the page's
 * code has loaded (React leaves the drawn HTML in place until then), after the frame around it.
 */
export function PageTakenOver() {
  useEffect(() => {
    if (takenOver) return;
    takenOver = true;
    for (const listener of listeners) listener();
  }, []);
  return null;
}

/** False on the server and until the app has taken over its first page, true after. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => takenOver,
    () => false,
  );
}

/**
 * The page's fields and buttons, disabled (one fieldset) until the app has taken over the page the
 * server drew: typed into before, what was typed would be lost when the app took the fields over,
 * and a form sent then would go as the browser sends it (the sign-in form: its fields in the
 * address). Links work throughout. Nothing to do when the browser drew the page.
 */
export function UntilHydrated({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset disabled={!hydrated} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      {children}
    </fieldset>
  );
}
