// Conference mode's form: the event and date stay, the person's fields clear after each save.
import type { Capture, Captured } from "./backend/types";

export interface PersonFields {
  name: string;
  company: string;
  email: string;
  note: string;
  interests: string;
}

export const emptyPerson = (): PersonFields => ({ name: "", company: "", email: "", note: "", interests: "" });

/** The capture to send: a chosen existing contact logs on them, else a new person. */
export function toCapture(event: string, date: string, person: PersonFields, existing: number | null): Capture {
  return {
    event: event.trim(),
    date: date === "" ? null : date,
    existing,
    name: person.name.trim(),
    company: person.company.trim(),
    email: person.email.trim(),
    note: person.note.trim(),
    interests: person.interests,
  };
}

/** Why the form cannot be saved yet, or null. */
export function captureProblem(event: string, person: PersonFields, existing: number | null): string | null {
  if (event.trim() === "") return "Name the event first.";
  if (existing === null && person.name.trim() === "") return "A person needs a name.";
  return null;
}

/** One line of the captured list. */
export interface CapturedEntry extends Captured {
  note: string;
}

/** Adds a capture to the running list, newest first; one line per contact. */
export function addCaptured(list: CapturedEntry[], entry: CapturedEntry): CapturedEntry[] {
  return [entry, ...list.filter((e) => e.contact_id !== entry.contact_id)];
}
