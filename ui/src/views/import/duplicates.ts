// Possible duplicates an import leaves: how they read, and what became of each.
import type { PossibleDuplicate } from "../../lib/backend/types";
import { fileName } from "../../lib/format";

/** What the user decided for one pair (or why merging it failed). */
export type Resolution = { state: "open" } | { state: "merged" } | { state: "kept" } | { state: "failed"; message: string };

/** "Anna Schmidt, line 7 of people.vcf" — the record as the file has it. */
export function recordLabel(d: PossibleDuplicate): string {
  return `${d.name}, line ${d.line} of ${fileName(d.file)}`;
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

const FORMATS: Record<string, string> = {
  vcard: "vCard",
  linkedin: "LinkedIn CSV",
  google: "Google Contacts CSV",
  outlook: "Outlook CSV",
};

/** The format the library recognised, as people name it. */
export function formatName(format: string): string {
  return FORMATS[format] ?? format;
}
