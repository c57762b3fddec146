import { describe, expect, it } from "vitest";
import { digestSummary, readableError } from "./desktop";

describe("desktop settings", () => {
  it("says what a refused digest time should have been, then what was typed", () => {
    expect(
      readableError("invalid setting digest_time '25:00': expected a time as HH:MM (24-hour) or off"),
    ).toBe("Expected a time as HH:MM (24-hour) or off, not “25:00”.");
    expect(readableError("invalid setting digest_time '': expected a time as HH:MM (24-hour) or off")).toBe(
      "Expected a time as HH:MM (24-hour) or off; the field is empty.",
    );
  });

  it("keeps a value with quotes whole", () => {
    expect(readableError("invalid setting digest_time 'o'clock': expected a time")).toBe(
      "Expected a time, not “o'clock”.",
    );
  });

  it("passes other messages unchanged", () => {
    expect(readableError("start with the session: permission denied")).toBe(
      "start with the session: permission denied",
    );
  });

  it("describes the digest time", () => {
    expect(digestSummary("08:30")).toBe("A notification with the day's pings at 08:30 each day.");
    expect(digestSummary("off")).toBe("Off: no daily notification.");
    expect(digestSummary("OFF")).toBe("Off: no daily notification.");
  });
});
