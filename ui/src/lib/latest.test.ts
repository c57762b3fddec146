import { expect, it } from "vitest";
import { latest } from "./latest";

it("only the newest request is current", () => {
  const l = latest();
  const first = l.begin();
  const second = l.begin();
  expect(first()).toBe(false);
  expect(second()).toBe(true);
});
