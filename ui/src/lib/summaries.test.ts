import { describe, expect, it } from "vitest";
import { bandsSummary, coldSummary, keepRateSummary, weeksSummary } from "./summaries";

describe("chart summaries", () => {
  it("sums the weeks", () => {
    const weeks = [
      { week_start: "2026-11-09", pings_done: 2, interactions: 5 },
      { week_start: "2026-11-16", pings_done: 7, interactions: 9 },
      { week_start: "2026-11-23", pings_done: 1, interactions: 1 },
    ];
    expect(weeksSummary(weeks)).toBe(
      "10 pings done in the last 3 weeks; 15 interactions logged; busiest week starting Mon 16 Nov with 7; this week so far: 1 done.",
    );
  });

  it("describes the warmth bands", () => {
    const bands = [
      { band: "cold", min: 0, max: 24, by_circle: [0, 0, 1, 2] as [number, number, number, number] },
      { band: "hot", min: 75, max: 100, by_circle: [1, 0, 0, 0] as [number, number, number, number] },
    ];
    expect(bandsSummary(bands)).toBe(
      "4 active contacts by warmth: cold (0–24): 3 (75%) — 1 network, 2 acquaintance; hot (75–100): 1 (25%) — 1 inner.",
    );
    expect(bandsSummary([])).toBe("No active contacts yet.");
  });

  it("names who goes cold first", () => {
    expect(coldSummary([], 30)).toBe("Nobody falls below warmth 50 in the next 30 days.");
    const one = [{ id: 1, name: "Ada", circle: "inner" as const, warmth: 55, cold_on: "2026-12-01" }];
    expect(coldSummary(one, 30)).toBe("1 contact falls below warmth 50 in the next 30 days; first Ada on Tue 1 Dec.");
  });

  it("gives the keep-rate", () => {
    const months = [
      { month: "2026-10", due: 4, kept: 3, kept_on_time: 2 },
      { month: "2026-11", due: 0, kept: 0, kept_on_time: 0 },
    ];
    expect(keepRateSummary(months)).toBe(
      "3 of 4 promises due were kept (75%), 2 on time. Latest month with promises due, 2026-10: 75% kept.",
    );
  });
});
