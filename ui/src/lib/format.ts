// How dates, warmth, reasons and circles read on screen.
import type { Circle, InteractionKind, IsoDate, Reason } from "./backend/types";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Parses YYYY-MM-DD as a calendar date (noon UTC, so no time zone shifts the day). */
export function parseIso(iso: IsoDate): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** The ISO date of a Date, read as a calendar date in UTC (see parseIso). */
export function toIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The user's local date as YYYY-MM-DD. */
export function localToday(now = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((parseIso(to).getTime() - parseIso(from).getTime()) / 86_400_000);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const d = parseIso(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** "Thu 26 Nov" (with the year when it is not `today`'s). */
export function shortDate(iso: IsoDate, today?: IsoDate): string {
  const d = parseIso(iso);
  const base = `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  return today && today.slice(0, 4) !== iso.slice(0, 4) ? `${base} ${d.getUTCFullYear()}` : base;
}

/** "today", "tomorrow", "yesterday", "in 5 days", "3 days ago", else the short date. */
export function relativeDay(iso: IsoDate, today: IsoDate): string {
  const n = daysBetween(today, iso);
  if (n === 0) return "today";
  if (n === 1) return "tomorrow";
  if (n === -1) return "yesterday";
  if (n > 1 && n < 7) return `in ${n} days`;
  if (n < -1 && n > -7) return `${-n} days ago`;
  return shortDate(iso, today);
}

export type WarmthBand = "cold" | "cooling" | "warm" | "hot";

/** The band a warmth falls in (the same bands as Insights). */
export function warmthBand(warmth: number): WarmthBand {
  if (warmth < 25) return "cold";
  if (warmth < 50) return "cooling";
  if (warmth < 75) return "warm";
  return "hot";
}

const REASONS: Record<Reason, string> = {
  birthday: "Birthday",
  cadence: "Keep in touch",
  follow_up: "Follow-up",
  promise: "Promise due",
  overdue: "Overdue",
};

export function reasonLabel(reason: Reason): string {
  return REASONS[reason] ?? reason;
}

export function circleLabel(circle: Circle): string {
  return circle.charAt(0).toUpperCase() + circle.slice(1);
}

export function kindLabel(kind: InteractionKind): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** "1 ping", "3 pings". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** Splits "a, b,, c" into ["a", "b", "c"]. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** The last part of a path: the file's name. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** The folder a path is in (without the trailing separator). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut > 0 ? path.slice(0, cut) : path;
}
