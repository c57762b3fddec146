// The Plan agenda: each day's load against the cap, and weeks to group days by.
import type { PlanDay } from "./backend/types";
import { daysBetween, parseIso, relativeDay } from "./format";

export interface DayLoad {
  count: number;
  cap: number;
  /** 0–100, how full the day is (more than full reads as 100). */
  percent: number;
  full: boolean;
  over: boolean;
}

export function dayLoad(day: PlanDay, cap: number): DayLoad {
  const count = day.pings.length;
  return {
    count,
    cap,
    percent: cap > 0 ? Math.min(100, Math.round((100 * count) / cap)) : 0,
    full: count >= cap,
    over: count > cap,
  };
}

/** Days worth listing: working days, and any other day that has pings. */
export function agendaDays(days: PlanDay[]): PlanDay[] {
  return days.filter((d) => d.working || d.pings.length > 0);
}

/** Groups days by the Monday of their week, in order. */
export function byWeek(days: PlanDay[]): { weekStart: string; days: PlanDay[] }[] {
  const out: { weekStart: string; days: PlanDay[] }[] = [];
  for (const day of days) {
    const d = parseIso(day.date);
    const back = (d.getUTCDay() + 6) % 7;
    d.setUTCDate(d.getUTCDate() - back);
    const weekStart = d.toISOString().slice(0, 10);
    const last = out[out.length - 1];
    if (last && last.weekStart === weekStart) last.days.push(day);
    else out.push({ weekStart, days: [day] });
  }
  return out;
}

/** A word for a day of the coming week ("today", "tomorrow", "in 3 days"), or nothing
 *  for later days, whose date says it all. */
export function nearDay(date: string, today: string): string {
  const n = daysBetween(today, date);
  return n >= 0 && n < 7 ? relativeDay(date, today) : "";
}
