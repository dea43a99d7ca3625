import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import { listedFiles, nextTask } from './app/steps.ts';

/**
 * The page the server drew is shown before any of the app's code runs; the code then runs in steps,
 * each a task of its own, so the page can answer its reader between them instead of being blocked
 * while all of it is read at once (total blocking time, issue 18): React's DOM renderer first, then
 * the app (boot.tsx), which takes the page over.
 */
/** Once the page has been painted (at most 100 ms: a tab opened in the background paints nothing). */
const painted = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });

/** Preloads named in one task at most: naming one costs a 4x-throttled page about 5 ms (its request). */
const AT_ONCE = 6;

/**
 * The files of the steps and of the page the server drew, as module preloads: fetched side by side
 * from now, not as each import is found. After the first paint, which their fetching and compiling
 * held back when the HTML named them itself (vite.config.ts, preloadSteps); a few in each task, as
 * forty named in one were a task of 184 ms in a trace of the village index.
 */
async function preload() {
  const files = listedFiles();
  for (let i = 0; i < files.length; i++) {
    if (i > 0 && i % AT_ONCE === 0) await nextTask();
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = files[i]!;
    document.head.append(link);
  }
}

void painted().then(() => {
  // The renderer's files are the list's first: it is asked for as soon as they are named.
  void preload();
  return import('react-dom/client').then(nextTask).then(() => import('./boot.tsx'));
});
