import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Its children (a chart, a map) only once they come within a quarter screen of view: until then a
 * box of their height, or of their shape when it follows the width (`aspectRatio`, a map), so that
 * the page neither jumps nor downloads and draws what nobody looked at.
 */
export function WhenShown({
  height,
  aspectRatio,
  children,
}: {
  height?: number;
  /** Width over height of what it holds, as CSS writes it ("800 / 440"); the box only until shown. */
  aspectRatio?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Drawn on the server (no window), it is the box: what the browser first draws over it is too.
  const [shown, setShown] = useState(
    () => typeof window !== 'undefined' && typeof IntersectionObserver === 'undefined',
  );
  useEffect(() => {
    const element = ref.current;
    if (!element || shown) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown(true);
      },
      { rootMargin: '25% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  return (
    <div ref={ref} style={{ minHeight: height, ...(shown ? {} : { aspectRatio }) }}>
      {shown ? children : null}
    </div>
  );
}
