// The keyboard: j/k move, d/s/x act, u undo, / search, g then a letter to go to a view.

export type KeyAction = "next" | "previous" | "done" | "snooze" | "skip" | "undo" | "search" | "escape" | null;

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** Whether the element takes typed text (keys then belong to it). */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== "string") return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select" || el.isContentEditable) return true;
  if (tag !== "input") return false;
  const type = ((el as HTMLInputElement).type || "text").toLowerCase();
  return !["checkbox", "radio", "button", "submit", "reset", "range"].includes(type);
}

/** The action a key press stands for; `typing` when focus is in a text field. */
export function keyAction(e: KeyLike, typing: boolean): KeyAction {
  if (e.key === "Escape") return "escape";
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case "j":
    case "ArrowDown":
      return "next";
    case "k":
    case "ArrowUp":
      return "previous";
    case "d":
      return "done";
    case "s":
      return "snooze";
    case "x":
      return "skip";
    case "u":
      return "undo";
    case "/":
      return "search";
    default:
      return null;
  }
}

/** Moves a selection by `step` inside `count` items (stays put at the ends). */
export function moveSelection(current: number, step: number, count: number): number {
  if (count <= 0) return -1;
  if (current < 0) return step > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + step));
}
