import { useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';

/**
 * The most members drawn; beyond it the heaviest carriers are drawn and the page says so.
 * The layout runs on the main thread: 150 members took 188 ms of CPU (median of 9, loaded
 * 2-core machine), 400 members 737 ms — too long a freeze for a page.
 */
export const maxDrawn = 150;
export const width = 720;
export const height = 480;
/** Labels only for the heaviest carriers (and me, and my chain when focused). */
export const maxLabels = 12;

export interface View {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const fullView: View = { x: 0, y: 0, w: width, h: height };

/** Keeps the view over the drawing: zoomed in, it can move; it never shows more than all of it. */
export function clampView(v: View): View {
  const w = Math.min(width, v.w);
  const h = Math.min(height, v.h);
  return { x: Math.min(width - w, Math.max(0, v.x)), y: Math.min(height - h, Math.max(0, v.y)), w, h };
}

/** The drawing's view box: zoom, pan (keys, drag, wheel) and "focus on my chain". */
export function useGraphView(drawing: { chain: readonly string[]; positions: ReadonlyMap<string, { x: number; y: number }> } | null) {
  // Zoom and pan move the view box; "focus on me" fits it around my chain.
  const [view, setView] = useState<View>(fullView);
  const [focus, setFocus] = useState(false);
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoom = (factor: number) =>
    setView((v) => {
      const w = Math.min(width, Math.max(width / 16, v.w / factor));
      const h = (w * height) / width;
      return clampView({ x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h });
    });
  const pan = (dx: number, dy: number) => setView((v) => clampView({ ...v, x: v.x + dx * v.w, y: v.y + dy * v.h }));
  const focusOnMe = () => {
    if (!drawing || drawing.chain.length === 0) return;
    const points = drawing.chain.map((id) => drawing.positions.get(id)!).filter(Boolean);
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const w = Math.min(width, Math.max(width / 4, (Math.max(...xs) - Math.min(...xs)) * 1.6, ((Math.max(...ys) - Math.min(...ys)) * 1.6 * width) / height));
    const h = (w * height) / width;
    setView(clampView({ x: (Math.max(...xs) + Math.min(...xs)) / 2 - w / 2, y: (Math.max(...ys) + Math.min(...ys)) / 2 - h / 2, w, h }));
    setFocus(true);
  };
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] };
    const move = moves[event.key];
    if (move) pan(move[0], move[1]);
    else if (event.key === '+' || event.key === '=') zoom(1.25);
    else if (event.key === '-') zoom(0.8);
    else return;
    event.preventDefault();
  };
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    drag.current = { x: event.clientX, y: event.clientY, view };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    const box = svgRef.current?.getBoundingClientRect();
    if (!start || !box || box.width === 0) return;
    const k = start.view.w / box.width;
    setView(clampView({ ...start.view, x: start.view.x - (event.clientX - start.x) * k, y: start.view.y - (event.clientY - start.y) * k }));
  };
  const onWheel = (event: WheelEvent<SVGSVGElement>) => zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15);
  const reset = () => {
    setView(fullView);
    setFocus(false);
  };
  return { view, focus, svgRef, zoom, focusOnMe, reset, onKey, onPointerDown, onPointerMove, onWheel, endDrag: () => (drag.current = null) };
}
