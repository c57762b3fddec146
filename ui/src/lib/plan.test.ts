import { describe, expect, it } from "vitest";
import type { PlanDay, Ping } from "./backend/types";
import { agendaDays, byWeek, dayLoad, nearDay } from "./plan";

const ping = (id: string): Ping => ({
  id, date: "2026-11-26", contact_id: 1, contact_name: "A", reason: "cadence", suggestion: "", why: "",
  warmth: 50, action: "message", circle: "core",
});
const day = (date: string, n: number, working = true): PlanDay => ({
  date, working, pings: Array.from({ length: n }, (_, i) => ping(`${date}-${i}`)),
});

describe("plan agenda", () => {
  it("measures a day against the cap", () => {
    expect(dayLoad(day("2026-11-26", 3), 5)).toEqual({ count: 3, cap: 5, percent: 60, full: false, over: false });
    expect(dayLoad(day("2026-11-26", 6), 5)).toMatchObject({ percent: 100, full: true, over: true });
  });

  it("lists working days and busy days off, grouped by week", () => {
    const days = [day("2026-11-27", 1), day("2026-11-28", 0, false), day("2026-11-29", 1, false), day("2026-11-30", 2)];
    const shown = agendaDays(days);
    expect(shown.map((d) => d.date)).toEqual(["2026-11-27", "2026-11-29", "2026-11-30"]);
    expect(byWeek(shown).map((w) => [w.weekStart, w.days.length])).toEqual([
      ["2026-11-23", 2],
      ["2026-11-30", 1],
    ]);
  });

  it("names the days of the coming week only", () => {
    expect(nearDay("2026-11-26", "2026-11-26")).toBe("today");
    expect(nearDay("2026-11-27", "2026-11-26")).toBe("tomorrow");
    expect(nearDay("2026-12-02", "2026-11-26")).toBe("in 6 days");
    expect(nearDay("2026-12-03", "2026-11-26")).toBe("");
  });
});
