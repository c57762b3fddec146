import { describe, expect, it } from "vitest";
import { moreLabel, visibleCount } from "./paging";

describe("paging", () => {
  it("shows the first page, and never more than there is", () => {
    expect(visibleCount(25, 0, 335, 25)).toBe(25);
    expect(visibleCount(25, 0, 7, 25)).toBe(7);
    expect(visibleCount(25, -1, 0, 25)).toBe(0);
  });

  it("grows to include the selected item, a page at a time", () => {
    expect(visibleCount(25, 24, 335, 25)).toBe(25);
    expect(visibleCount(25, 25, 335, 25)).toBe(50);
    expect(visibleCount(50, 3, 335, 25)).toBe(50);
    expect(visibleCount(25, 334, 335, 25)).toBe(335);
  });

  it("says how many the next page adds and how many are left", () => {
    expect(moreLabel(25, 335, 25)).toBe("Show 25 more (310 left)");
    expect(moreLabel(325, 335, 25)).toBe("Show 10 more (10 left)");
    expect(moreLabel(25, 2025, 25)).toBe("Show 25 more (2,000 left)");
  });
});
