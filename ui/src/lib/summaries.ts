// One-paragraph text versions of the Insights charts, for screen readers (and anyone).
import type { Cooling, MonthKeepRate, WarmthBand, WeekCount } from "./backend/types";
import { CIRCLES } from "./backend/types";
import { plural, shortDate } from "./format";

export function weeksSummary(weeks: WeekCount[]): string {
  if (weeks.length === 0) return "No weeks to show.";
  const total = weeks.reduce((n, w) => n + w.pings_done, 0);
  const logged = weeks.reduce((n, w) => n + w.interactions, 0);
  const best = weeks.reduce((a, b) => (b.pings_done > a.pings_done ? b : a));
  const last = weeks[weeks.length - 1];
  const parts = [
    `${plural(total, "ping")} done in the last ${weeks.length} weeks`,
    `${plural(logged, "interaction")} logged`,
  ];
  if (total > 0) parts.push(`busiest week starting ${shortDate(best.week_start, last.week_start)} with ${best.pings_done}`);
  parts.push(`this week so far: ${last.pings_done} done`);
  return `${parts.join("; ")}.`;
}

export function bandsSummary(bands: WarmthBand[]): string {
  const total = bands.reduce((n, b) => n + b.by_circle.reduce((a, c) => a + c, 0), 0);
  if (total === 0) return "No active contacts yet.";
  const parts = bands.map((b) => {
    const n = b.by_circle.reduce((a, c) => a + c, 0);
    const pct = Math.round((100 * n) / total);
    const circles = b.by_circle
      .map((c, i) => (c > 0 ? `${c} ${CIRCLES[i]}` : ""))
      .filter((s) => s !== "")
      .join(", ");
    return `${b.band} (${b.min}–${b.max}): ${n} (${pct}%)${circles ? ` — ${circles}` : ""}`;
  });
  return `${plural(total, "active contact")} by warmth: ${parts.join("; ")}.`;
}

export function coldSummary(cold: Cooling[], within: number): string {
  if (cold.length === 0) return `Nobody falls below warmth 50 in the next ${within} days.`;
  const first = cold
    .slice(0, 3)
    .map((c) => `${c.name} on ${shortDate(c.cold_on)}`)
    .join(", ");
  return `${plural(cold.length, "contact")} ${cold.length === 1 ? "falls" : "fall"} below warmth 50 in the next ${within} days; first ${first}.`;
}

/** Kept share of due promises, 0–100, or null when none were due. */
export function rate(m: MonthKeepRate): number | null {
  return m.due === 0 ? null : Math.round((100 * m.kept) / m.due);
}

export function keepRateSummary(months: MonthKeepRate[]): string {
  const due = months.reduce((n, m) => n + m.due, 0);
  if (due === 0) return "No promises were due in the last 12 months.";
  const kept = months.reduce((n, m) => n + m.kept, 0);
  const onTime = months.reduce((n, m) => n + m.kept_on_time, 0);
  const recent = [...months].reverse().find((m) => m.due > 0);
  const tail = recent ? ` Latest month with promises due, ${recent.month}: ${rate(recent)}% kept.` : "";
  return `${kept} of ${plural(due, "promise")} due were kept (${Math.round((100 * kept) / due)}%), ${onTime} on time.${tail}`;
}
