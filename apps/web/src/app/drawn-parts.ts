import { type ComponentType, createElement, lazy } from 'react';

/**
 * Which of the app's lazy parts (pages, panels, charts) a page drawn on the server showed, so the
 * server can name their files in the page as module preloads and the browser fetches them at once,
 * side by side with the app's own start, not one level of imports after another as it finds them
 * (issue 18). The server's build (vite.config.ts, `noteLazyParts`) turns each
 * `lazy(() => import('./X.tsx'))` of the app into `lazyNoted('src/.../X.tsx', () => import(...))`;
 * the browser's build keeps React's `lazy`, so the drawn page and the browser's are the same tree.
 */
let drawing: Set<string> | null = null;
/** The title the page being drawn on the server gave itself (usePageTitle). */
let drawnTitle: string | null = null;

/** Notes `title` as the title of the page being drawn on the server (nothing in the browser). */
export function noteTitle(title: string): void {
  if (drawing) drawnTitle = title;
}

// biome-ignore lint/suspicious/noExplicitAny: the props of whatever part the app loads lazily
export function lazyNoted<P extends Record<string, any>>(
  source: string,
  load: () => Promise<{ default: ComponentType<P> }>,
) {
  const Part = lazy(load);
  return function Noted(props: P) {
    drawing?.add(source);
    return createElement(Part, props);
  };
}

/**
 * Draws with `draw`, and gives the app's source files of the lazy parts it showed (as the build's
 * manifest names them) and the title the page gave itself.
 */
export function noting<T>(draw: () => T): { drawn: T; parts: string[]; title: string | null } {
  const parts = new Set<string>();
  drawing = parts;
  drawnTitle = null;
  try {
    const drawn = draw();
    return { drawn, parts: [...parts], title: drawnTitle };
  } finally {
    drawing = null;
    drawnTitle = null;
  }
}
