// Possible duplicates an import leaves: how they read, and what became of each.
import type { PossibleDuplicate } from "../../lib/backend/types";

/** What the user decided for one pair (or why merging it failed). */
export type Resolution = { state: "open" } | { state: "merged" } | { state: "kept" } | { state: "failed"; message: string };

/** "Anna Schmidt, line 7 of people.vcf" — the record as the file has it. */
export function recordLabel(d: PossibleDuplicate): string {
  const file = d.file.split(/[\\/]/).pop() || d.file;
  return `${d.name}, line ${d.line} of ${file}`;
}

/** Why the pair was kept apart, with how many contacts had the name. */
export function whyApart(d: PossibleDuplicate): string {
  const others = d.namesakes > 1 ? ` (one of ${d.namesakes} contacts with that name)` : "";
  return `${d.reason}${others}`;
}

/** The pair as ids to merge: the contact that was there first stays. */
export function mergePair(d: PossibleDuplicate): { keep: number; other: number } {
  return { keep: d.ids[0], other: d.ids[1] };
}

/** How many pairs still wait for a decision. */
export function openCount(resolutions: Resolution[]): number {
  return resolutions.filter((r) => r.state === "open" || r.state === "failed").length;
}
