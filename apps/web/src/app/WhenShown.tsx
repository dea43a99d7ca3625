import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';

/**
 * True once the element is within a quarter screen of the visible part of the page: a page of many charts
 * (or a map further down) draws those the reader reaches, not all of them before it answers.
 */
export function useShown(ref: RefObject<HTMLElement | null>): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || shown) return;
    if (typeof IntersectionObserver === 'undefined') return setShown(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setShown(true);
          observer.disconnect();
        }
      },
      { rootMargin: '25% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, shown]);
  return shown;
}

/**
 * Its children (a chart, a map) only once the reader scrolls near: until then a box of their
 * height, so that the page neither jumps nor downloads and draws what nobody looked at.
 */
export function WhenShown({ height, children }: { height: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useShown(ref);
  return (
    <div ref={ref} style={{ minHeight: height }}>
      {shown ? children : null}
    </div>
  );
}
