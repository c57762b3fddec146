import { describe, expect, it } from "vitest";
import { isTyping, keyAction, moveSelection } from "./keys";

describe("keyAction", () => {
  it("maps the letters to actions", () => {
    const keys = ["j", "k", "d", "s", "x", "u", "/", "q"];
    expect(keys.map((key) => keyAction({ key }, false))).toEqual([
      "next", "previous", "done", "snooze", "skip", "undo", "search", null,
    ]);
  });

  it("leaves typing alone, except Escape", () => {
    expect(keyAction({ key: "d" }, true)).toBeNull();
    expect(keyAction({ key: "/" }, true)).toBeNull();
    expect(keyAction({ key: "Escape" }, true)).toBe("escape");
    expect(keyAction({ key: "u", ctrlKey: true }, false)).toBeNull();
  });
});

describe("isTyping", () => {
  it("knows text fields from buttons", () => {
    const input = document.createElement("input");
    const box = document.createElement("input");
    box.type = "checkbox";
    expect(isTyping(input)).toBe(true);
    expect(isTyping(box)).toBe(false);
    expect(isTyping(document.createElement("textarea"))).toBe(true);
    expect(isTyping(document.createElement("button"))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe("moveSelection", () => {
  it("moves within bounds", () => {
    expect(moveSelection(-1, 1, 3)).toBe(0);
    expect(moveSelection(-1, -1, 3)).toBe(2);
    expect(moveSelection(2, 1, 3)).toBe(2);
    expect(moveSelection(0, -1, 3)).toBe(0);
    expect(moveSelection(1, 1, 0)).toBe(-1);
  });
});
