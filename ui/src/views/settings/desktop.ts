// What the desktop settings (digest time, tray, start at login) say on screen.

/** The library's validation message (`invalid FIELD 'VALUE': REASON`) in plain words:
 *  what it expected, then what it got. Other messages pass unchanged. */
export function readableError(message: string): string {
  const m = /^invalid .+? '([\s\S]*)': ([\s\S]+)$/.exec(message.trim());
  if (!m) return message;
  const [, value, reason] = m;
  const expected = reason.charAt(0).toUpperCase() + reason.slice(1);
  return value.trim() === "" ? `${expected}; the field is empty.` : `${expected}, not “${value}”.`;
}

/** The line under the digest time: when the notification comes, or that it is off. */
export function digestSummary(value: string): string {
  return value.trim().toLowerCase() === "off"
    ? "Off: no daily notification."
    : `A notification with the day's pings at ${value.trim()} each day.`;
}
