import { describe, expect, it } from "vitest";
import { scrollToShow, visibleRange } from "./virtual";

describe("visibleRange", () => {
  it("renders only what is in view, with overscan", () => {
    expect(visibleRange(0, 440, 44, 10_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRange(44_000, 440, 44, 10_000, 5)).toEqual({ start: 995, end: 1016 });
  });

  it("stays inside the list", () => {
    expect(visibleRange(1e9, 440, 44, 30, 5)).toEqual({ start: 24, end: 30 });
    expect(visibleRange(0, 440, 44, 0)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(-50, 100, 44, 3, 0)).toEqual({ start: 0, end: 3 });
  });

  it("scrolls just enough to show a row", () => {
    expect(scrollToShow(0, 0, 440, 44)).toBeNull();
    expect(scrollToShow(12, 0, 440, 44)).toBe(13 * 44 - 440);
    expect(scrollToShow(2, 200, 440, 44)).toBe(88);
  });
});
