// Small DOM actions. Styles are set through the CSSOM (element.style), which the strict
// CSP allows, never as style attributes in markup, which it forbids.

/** Sets the element's width to `percent`% (a bar's fill). */
export function widthPercent(node: HTMLElement, percent: number) {
  const apply = (p: number) => node.style.setProperty("width", `${Math.max(0, Math.min(100, p))}%`);
  apply(percent);
  return { update: apply };
}

/** Sets the element's height in pixels (a virtual list's spacer). */
export function heightPx(node: HTMLElement, px: number) {
  const apply = (h: number) => node.style.setProperty("height", `${h}px`);
  apply(px);
  return { update: apply };
}

/** Moves the element down by `px` pixels (a virtual list's window). */
export function offsetY(node: HTMLElement, px: number) {
  const apply = (y: number) => node.style.setProperty("transform", `translateY(${y}px)`);
  apply(px);
  return { update: apply };
}

/** Focuses the element when it appears. */
export function autofocus(node: HTMLElement) {
  queueMicrotask(() => node.focus());
}
