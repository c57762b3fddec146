// Long lists shown a page at a time: the first page paints at once, the rest on request.

/** How many items to show: at least `shown`, enough to include `selected`, at most `total`. */
export function visibleCount(shown: number, selected: number, total: number, page: number): number {
  const needed = selected >= 0 ? Math.ceil((selected + 1) / page) * page : 0;
  return Math.min(total, Math.max(shown, needed));
}

/** The label of the button that shows the next page. */
export function moreLabel(visible: number, total: number, page: number): string {
  const next = Math.min(page, total - visible);
  return `Show ${next} more (${(total - visible).toLocaleString("en-US")} left)`;
}
