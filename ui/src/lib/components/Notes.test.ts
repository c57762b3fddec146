import { render } from "@testing-library/svelte";
import { expect, it } from "vitest";
import Notes from "./Notes.svelte";
import Warmth from "./Warmth.svelte";

it("renders data as text, never as markup", () => {
  const evil = `<img src=x onerror="document.title='pwned'">`;
  const { container } = render(Notes, { notes: [evil] });
  expect(container.querySelector("img")).toBeNull();
  expect(container.textContent).toContain(evil);
});

it("shows warmth as a number with its band", () => {
  const { container } = render(Warmth, { value: 42 });
  expect(container.querySelector(".warmth")?.classList.contains("cooling")).toBe(true);
  expect(container.textContent).toContain("42");
});
