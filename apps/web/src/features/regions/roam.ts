import { type PointerEvent, useRef, useState, type WheelEvent } from 'react';

/**
 * Zoom and pan of an SVG map: the wheel zooms about the pointer (1x to 12x), a drag moves a zoomed
 * map. Positions are read through the SVG's own screen transform, so they hold however the box is
 * scaled or letterboxed.
 */
export function useRoam() {
  const svg = useRef<SVGSVGElement>(null);
  const [view, setView] = useState({ x: 0, y: 0, k: 1 });
  const drag = useRef<{ at: [number, number]; moved: boolean; start: [number, number] } | null>(null);

  /** A point on the screen in the SVG's viewBox units. */
  const onSvg = (clientX: number, clientY: number): [number, number] => {
    const m = svg.current?.getScreenCTM();
    if (!m) return [clientX, clientY];
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return [p.x, p.y];
  };
  /** A point on the screen on the map as drawn before any zoom (what a projection inverts). */
  const onMap = (clientX: number, clientY: number): [number, number] => {
    const [x, y] = onSvg(clientX, clientY);
    return [(x - view.x) / view.k, (y - view.y) / view.k];
  };

  const handlers = {
    onWheel(e: WheelEvent<SVGSVGElement>) {
      const [px, py] = onSvg(e.clientX, e.clientY);
      const k = Math.min(12, Math.max(1, view.k * (e.deltaY < 0 ? 1.25 : 0.8)));
      // The point under the pointer stays where it is; fully out, the map is back in its place.
      if (k === 1) setView({ x: 0, y: 0, k });
      else setView({ k, x: px - ((px - view.x) * k) / view.k, y: py - ((py - view.y) * k) / view.k });
    },
    onPointerDown(e: PointerEvent<SVGSVGElement>) {
      drag.current = { at: onSvg(e.clientX, e.clientY), moved: false, start: [e.clientX, e.clientY] };
    },
    onPointerMove(e: PointerEvent<SVGSVGElement>) {
      const d = drag.current;
      if (!d || view.k === 1) return;
      if (!d.moved && Math.hypot(e.clientX - d.start[0], e.clientY - d.start[1]) < 4) return;
      d.moved = true;
      svg.current?.setPointerCapture(e.pointerId);
      const [x, y] = onSvg(e.clientX, e.clientY);
      setView((v) => ({ ...v, x: v.x + x - d.at[0], y: v.y + y - d.at[1] }));
      d.at = [x, y];
    },
    onPointerUp() {
      // The click that ends a drag comes after this: it must still see that the map was moved.
      setTimeout(() => {
        drag.current = null;
      });
    },
  };

  return {
    svg,
    handlers,
    zoom: view.k,
    transform: `translate(${view.x},${view.y}) scale(${view.k})`,
    /** Whether the pointer now going up ended a drag (then it is not a click). */
    dragged: () => drag.current?.moved === true,
    onMap,
  };
}
