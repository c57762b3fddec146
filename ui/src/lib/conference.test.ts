import { describe, expect, it } from "vitest";
import { addCaptured, captureProblem, emptyPerson, toCapture } from "./conference";

describe("conference capture", () => {
  it("sends a new person or logs on the chosen contact", () => {
    const person = { ...emptyPerson(), name: " Ada ", company: "AE", interests: "sailing, AI" };
    expect(toCapture(" SaaStr ", "2026-11-20", person, null)).toEqual({
      event: "SaaStr", date: "2026-11-20", existing: null, name: "Ada", company: "AE", email: "", note: "",
      interests: "sailing, AI",
    });
    expect(toCapture("SaaStr", "", person, 7)).toMatchObject({ existing: 7, date: null });
  });

  it("explains what is missing", () => {
    expect(captureProblem("", emptyPerson(), null)).toBe("Name the event first.");
    expect(captureProblem("SaaStr", emptyPerson(), null)).toBe("A person needs a name.");
    expect(captureProblem("SaaStr", emptyPerson(), 3)).toBeNull();
  });

  it("keeps one line per person, newest first", () => {
    const e = (id: number, note: string) => ({ contact_id: id, name: `P${id}`, company: null, interaction_id: id, created: true, note });
    let list = addCaptured([], e(1, "a"));
    list = addCaptured(list, e(2, "b"));
    list = addCaptured(list, e(1, "c"));
    expect(list.map((x) => [x.contact_id, x.note])).toEqual([[1, "c"], [2, "b"]]);
  });
});
