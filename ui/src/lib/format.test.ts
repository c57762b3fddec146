import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  fileName,
  folderOf,
  localToday,
  plural,
  relativeDay,
  shortDate,
  splitList,
  warmthBand,
} from "./format";

describe("dates", () => {
  it("counts days across months and years", () => {
    expect(daysBetween("2026-11-26", "2026-12-03")).toBe(7);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
  });

  it("reads dates relative to today", () => {
    expect(relativeDay("2026-11-26", "2026-11-26")).toBe("today");
    expect(relativeDay("2026-11-27", "2026-11-26")).toBe("tomorrow");
    expect(relativeDay("2026-11-29", "2026-11-26")).toBe("in 3 days");
    expect(relativeDay("2026-11-20", "2026-11-26")).toBe("6 days ago");
    expect(relativeDay("2026-12-26", "2026-11-26")).toBe("Sat 26 Dec");
    expect(shortDate("2027-01-04", "2026-11-26")).toBe("Mon 4 Jan 2027");
  });

  it("takes the local date, not the UTC one", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});

describe("words", () => {
  it("bands warmth like Insights", () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(warmthBand)).toEqual([
      "cold", "cold", "cooling", "cooling", "warm", "warm", "hot", "hot",
    ]);
  });

  it("pluralises and splits lists", () => {
    expect(plural(1, "ping")).toBe("1 ping");
    expect(plural(10000, "contact")).toBe("10,000 contacts");
    expect(splitList(" sailing, ,AI in logistics,")).toEqual(["sailing", "AI in logistics"]);
  });
});

describe("paths", () => {
  it("splits a path into its folder and file name", () => {
    expect(fileName("/home/me/.local/share/keepwarm/backups/keepwarm-2026-11-30.db")).toBe("keepwarm-2026-11-30.db");
    expect(folderOf("/home/me/.local/share/keepwarm/backups/keepwarm-2026-11-30.db")).toBe(
      "/home/me/.local/share/keepwarm/backups",
    );
    expect(fileName("C:\\Users\\me\\keepwarm.db")).toBe("keepwarm.db");
    expect(folderOf("C:\\Users\\me\\keepwarm.db")).toBe("C:\\Users\\me");
    expect(fileName("keepwarm.db")).toBe("keepwarm.db");
  });
});
