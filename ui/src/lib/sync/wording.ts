// What the sync status says, in words: pure functions, tested in wording.test.ts.
import type { SyncState } from "../backend/types";

export type SyncTone = "off" | "ok" | "pending" | "running" | "failed";

export interface SyncSummary {
  tone: SyncTone;
  /** Short enough for the navigation. */
  text: string;
  /** The whole story, for a tooltip and screen readers. */
  label: string;
}

/** "just now", "4 min ago", "3 h ago", "yesterday", "5 days ago", or the date. */
export function ago(iso: string, now: Date): string {
  const then = new Date(iso);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(seconds)) return "at an unknown time";
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  return `on ${then.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}`;
}

/** "in 3 min", "in 40 s", "now". */
export function inTime(iso: string, now: Date): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  if (Number.isNaN(seconds) || seconds <= 5) return "now";
  if (seconds < 60) return `in ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  return `in ${Math.round(minutes / 60)} h`;
}

/** The first clause of a library error, which says what happened; the rest says what to do. */
export function shortError(message: string): string {
  const first = message.split("; ")[0].trim();
  return first.length > 80 ? `${first.slice(0, 77)}…` : first;
}

const changes = (n: number) => `${n} change${n === 1 ? "" : "s"} waiting`;

/** What the status indicator and Settings say about sync right now. */
export function syncSummary(s: SyncState | null, now: Date): SyncSummary {
  if (!s || !s.configured) return { tone: "off", text: "Sync off", label: "Sync is not set up" };
  if (s.in_progress) return { tone: "running", text: "Syncing…", label: "Syncing now" };
  if (s.last_error) {
    const when = s.last_attempt_at ? ` ${ago(s.last_attempt_at, now)}` : "";
    return {
      tone: "failed",
      text: `Sync failed: ${shortError(s.last_error)}`,
      label: `Sync failed${when}: ${s.last_error}`,
    };
  }
  if (!s.last_sync_at) {
    const text = s.pending > 0 ? `Not synced yet, ${changes(s.pending)}` : "Not synced yet";
    return { tone: "pending", text, label: text };
  }
  const synced = `Synced ${ago(s.last_sync_at, now)}`;
  if (s.pending > 0) {
    const text = `${synced}, ${changes(s.pending)}`;
    return { tone: "pending", text, label: text };
  }
  return { tone: "ok", text: synced, label: synced };
}

/** What to do about a failed setup or sync, by the command error's kind. */
export function advice(kind: string | undefined): string | null {
  switch (kind) {
    case "sync_unauthorized":
      return "Check the user name and password (some servers want an app password), then set up again.";
    case "sync_unreachable":
      return "Check the address and the network; keepwarm tries again by itself.";
    case "sync_address":
      return "Check the address: the server's CardDAV/CalDAV URL, e.g. https://dav.example.com/.";
    case "sync_busy":
      return "Another sync of this data is running; try again when it ends.";
    default:
      return null;
  }
}

/** How often the background sync runs, as the interval picker offers it. */
export const INTERVALS: { minutes: number; label: string }[] = [
  { minutes: 5, label: "every 5 minutes" },
  { minutes: 15, label: "every 15 minutes" },
  { minutes: 30, label: "every 30 minutes" },
  { minutes: 60, label: "every hour" },
  { minutes: 240, label: "every 4 hours" },
  { minutes: 0, label: "only when I click Sync now" },
];
