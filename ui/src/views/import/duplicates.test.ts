import { describe, expect, it } from "vitest";
import type { PossibleDuplicate } from "../../lib/backend/types";
import { formatName, mergePair, openCount, recordLabel, whyApart } from "./duplicates";

const anna: PossibleDuplicate = {
  ids: [3, 12],
  file: "/home/me/Downloads/people.vcf",
  line: 7,
  record: "/home/me/Downloads/people.vcf:7 Anna Schmidt",
  name: "Anna Schmidt",
  contact_id: 3,
  contact_name: "Anna Schmidt",
  reason: "different company (Acme / Globex)",
  namesakes: 1,
};

describe("possible duplicates", () => {
  it("names the record by its line and file name", () => {
    expect(recordLabel(anna)).toBe("Anna Schmidt, line 7 of people.vcf");
    expect(recordLabel({ ...anna, file: "C:\\Users\\me\\c.csv" })).toBe("Anna Schmidt, line 7 of c.csv");
  });

  it("says why they were kept apart, and among how many namesakes", () => {
    expect(whyApart(anna)).toBe("different company (Acme / Globex)");
    expect(whyApart({ ...anna, namesakes: 3 })).toBe(
      "different company (Acme / Globex) (one of 3 contacts with that name)",
    );
  });

  it("keeps the contact that was there first", () => {
    expect(mergePair(anna)).toEqual({ keep: 3, other: 12 });
  });

  it("counts the pairs still to decide, failed merges included", () => {
    expect(
      openCount([{ state: "open" }, { state: "merged" }, { state: "kept" }, { state: "failed", message: "gone" }]),
    ).toBe(2);
  });

  it("names the formats as people know them", () => {
    expect(formatName("vcard")).toBe("vCard");
    expect(formatName("linkedin")).toBe("LinkedIn CSV");
    expect(formatName("something new")).toBe("something new");
  });
});
