// Where the graph view puts nodes before (or instead of) a layout.

export interface Slot {
  x: number;
  y: number;
  /** The slot's angle around the centre, in [0, 2π). */
  angle: number;
}

/** rings places n nodes on rings around (cx, cy), the inner rings first, gap px apart. */
export function rings(n: number, cx: number, cy: number, r0 = 110, gap = 34): Slot[] {
  const out: Slot[] = [];
  let r = r0;
  let turn = 0;
  while (out.length < n) {
    const fit = Math.max(6, Math.floor((2 * Math.PI * r) / gap));
    const k = Math.min(fit, n - out.length);
    for (let i = 0; i < k; i++) {
      const a = turn + (2 * Math.PI * i) / k;
      out.push({ x: cx + r * Math.cos(a), y: cy + r * Math.sin(a), angle: a % (2 * Math.PI) });
    }
    r += gap * 1.2;
    turn += 0.3;
  }
  return out;
}
