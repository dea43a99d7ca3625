import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

/**
 * Whether the browser has a connection. The `online` event is not always fired when a connection
 * returns (some phones' WebViews; Chromium's network emulation missed it about one time in six in
 * our browser tests), and a missed one left the outbox waiting and every query paused until the page
 * was reloaded. So while the app runs, `navigator.onLine` is also read again every two seconds.
 */
const RECHECK_MS = 2_000;

function subscribe(notify: () => void): () => void {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  const timer = setInterval(notify, RECHECK_MS);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
    clearInterval(timer);
  };
}

const isOnline = () => navigator.onLine;

/** Whether the browser has a connection, kept up to date (a React component redraws on a change). */
export function useOnline(): boolean {
  // A page drawn on the server is drawn online (and so, at first, in the browser that takes it over).
  return useSyncExternalStore(subscribe, isOnline, () => true);
}

/** The queries pause without a connection and resume when it returns, by the same signal. */
export function followConnection(): void {
  onlineManager.setEventListener((setOnline) => subscribe(() => setOnline(isOnline())));
}
