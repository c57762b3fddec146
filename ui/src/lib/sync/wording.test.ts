import { describe, expect, it } from "vitest";
import type { SyncState } from "../backend/types";
import { advice, ago, inTime, shortError, syncSummary } from "./wording";

const NOW = new Date("2026-11-26T10:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

function state(over: Partial<SyncState> = {}): SyncState {
  return {
    configured: true,
    server_url: "https://dav.example.com/",
    username: "ann",
    last_sync_at: minutesAgo(2),
    last_attempt_at: minutesAgo(2),
    last_error: null,
    failures: 0,
    pending: 0,
    in_progress: false,
    interval_minutes: 15,
    next_at: null,
    ...over,
  };
}

describe("how long ago", () => {
  it("says seconds, minutes, hours and days the way people do", () => {
    expect(ago(new Date(NOW.getTime() - 10_000).toISOString(), NOW)).toBe("just now");
    expect(ago(minutesAgo(1), NOW)).toBe("1 min ago");
    expect(ago(minutesAgo(2), NOW)).toBe("2 min ago");
    expect(ago(minutesAgo(59), NOW)).toBe("59 min ago");
    expect(ago(minutesAgo(60), NOW)).toBe("1 h ago");
    expect(ago(minutesAgo(23 * 60 + 59), NOW)).toBe("23 h ago");
    expect(ago(minutesAgo(25 * 60), NOW)).toBe("yesterday");
    expect(ago(minutesAgo(3 * 24 * 60), NOW)).toBe("3 days ago");
    expect(ago("2026-10-01T10:00:00Z", NOW)).toBe("on 1 Oct 2026");
    expect(ago("not a date", NOW)).toBe("at an unknown time");
  });

  it("says when the next sync comes", () => {
    expect(inTime(new Date(NOW.getTime() + 40_000).toISOString(), NOW)).toBe("in 40 s");
    expect(inTime(new Date(NOW.getTime() + 14 * 60_000).toISOString(), NOW)).toBe("in 14 min");
    expect(inTime(minutesAgo(1), NOW)).toBe("now");
  });
});

describe("the sync status in words", () => {
  it("is off without an account", () => {
    expect(syncSummary(null, NOW)).toMatchObject({ tone: "off", text: "Sync off" });
    expect(syncSummary(state({ configured: false }), NOW).tone).toBe("off");
  });

  it("says when it last synced, and what is waiting", () => {
    expect(syncSummary(state(), NOW)).toEqual({ tone: "ok", text: "Synced 2 min ago", label: "Synced 2 min ago" });
    expect(syncSummary(state({ pending: 1 }), NOW).text).toBe("Synced 2 min ago, 1 change waiting");
    expect(syncSummary(state({ pending: 3 }), NOW)).toMatchObject({ tone: "pending" });
    expect(syncSummary(state({ last_sync_at: null, pending: 12 }), NOW).text).toBe(
      "Not synced yet, 12 changes waiting",
    );
  });

  it("says a sync is running before anything else", () => {
    expect(syncSummary(state({ in_progress: true, last_error: "x" }), NOW)).toMatchObject({
      tone: "running",
      text: "Syncing…",
    });
  });

  it("names the failure briefly and in full for screen readers", () => {
    const error =
      "cannot reach the server at https://dav.example.com/: connection refused; nothing was changed, try again later";
    const s = syncSummary(state({ last_error: error, failures: 2, last_attempt_at: minutesAgo(5) }), NOW);
    expect(s.tone).toBe("failed");
    expect(s.text).toBe("Sync failed: cannot reach the server at https://dav.example.com/: connection refused");
    expect(s.label).toBe(`Sync failed 5 min ago: ${error}`);
    expect(shortError("x".repeat(200)).length).toBe(78);
  });

  it("advises by the kind of error", () => {
    expect(advice("sync_unauthorized")).toContain("password");
    expect(advice("sync_unreachable")).toContain("network");
    expect(advice("library")).toBeNull();
    expect(advice(undefined)).toBeNull();
  });
});
