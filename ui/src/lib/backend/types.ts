// The shapes the Rust side sends, as its serde types write them.

export type Circle = "inner" | "core" | "network" | "acquaintance";
export const CIRCLES: Circle[] = ["inner", "core", "network", "acquaintance"];

export type InteractionKind = "meeting" | "call" | "message" | "email" | "social" | "gift" | "event";
export const KINDS: InteractionKind[] = ["meeting", "call", "message", "email", "social", "gift", "event"];

export type Reason = "birthday" | "cadence" | "follow_up" | "promise" | "overdue";

/** An ISO date, YYYY-MM-DD. */
export type IsoDate = string;

export interface Ping {
  id: string;
  date: IsoDate;
  contact_id: number;
  contact_name: string;
  reason: Reason;
  suggestion: string;
  why: string;
  details?: string;
  warmth: number;
  action: InteractionKind;
  circle: Circle;
  promise_id?: number;
}

export interface Promise_ {
  id: number;
  contact_id: number;
  text: string;
  due: IsoDate;
  done_on: IsoDate | null;
}

export interface TodayPing extends Ping {
  company: string | null;
  promise: Promise_ | null;
}

export interface TodayScreen {
  date: IsoDate;
  pings: TodayPing[];
  next_day: { date: IsoDate; count: number } | null;
  /** Nothing left today and something was done: the day is finished. */
  all_done: boolean;
  /** Pings acted on today (done, snoozed, skipped). */
  acted_today: number;
  notes: string[];
}

export type PingRequest =
  | { action: "done"; kind: InteractionKind | null; note: string }
  | { action: "snooze_days"; days: number }
  | { action: "snooze_until"; until: IsoDate }
  | { action: "skip" };

export interface ContactRow {
  id: number;
  name: string;
  company: string | null;
  email: string | null;
  circle: Circle;
  warmth: number;
  next_ping: IsoDate | null;
  paused: boolean;
}

export interface Interaction {
  id: number;
  contact_id: number;
  kind: InteractionKind;
  date: IsoDate;
  note: string;
  event: string | null;
}

export interface Contact {
  id: number;
  uid: string;
  name: string;
  given_name: string;
  family_name: string;
  emails: string[];
  phones: string[];
  company: string | null;
  title: string | null;
  birthday: string | null;
  circle: Circle;
  interests: string[];
  tags?: string[];
  notes: string;
  paused: boolean;
  created_on: IsoDate;
}

export interface ContactDetail extends Contact {
  warmth: number;
  interactions: Interaction[];
  promises: Promise_[];
  next_pings: Ping[];
}

export interface ContactForm {
  name: string;
  company: string;
  email: string;
  circle: Circle | null;
  birthday: string | null;
  interests: string[];
}

export interface Capture {
  event: string;
  date: IsoDate | null;
  existing: number | null;
  name: string;
  company: string;
  email: string;
  note: string;
  interests: string;
}

export interface Captured {
  contact_id: number;
  name: string;
  company: string | null;
  interaction_id: number;
  created: boolean;
}

export interface RecentEvent {
  name: string;
  date: IsoDate;
}

export interface PlanDay {
  date: IsoDate;
  working: boolean;
  pings: Ping[];
}

export interface PlanScreen {
  today: IsoDate;
  daily_cap: number;
  setting_cap: number;
  days: PlanDay[];
  notes: string[];
}

export interface FeedStatus {
  enabled: boolean;
  url: string | null;
  error: string | null;
}

export interface WeekCount {
  week_start: IsoDate;
  pings_done: number;
  interactions: number;
}

export interface WarmthBand {
  band: string;
  min: number;
  max: number;
  by_circle: [number, number, number, number];
}

export interface Cooling {
  id: number;
  name: string;
  circle: Circle;
  warmth: number;
  cold_on: IsoDate;
}

export interface MonthKeepRate {
  month: string;
  due: number;
  kept: number;
  kept_on_time: number;
}

export interface Insights {
  today: IsoDate;
  weeks: WeekCount[];
  warmth_bands: WarmthBand[];
  going_cold: Cooling[];
  keep_rate: MonthKeepRate[];
}

/** A record of an imported file merged into a contact. */
export interface ImportMerge {
  file: string;
  line: number;
  /** The record for people: `Connections.csv:7 Anna Schmidt`. */
  record: string;
  name: string;
  into_id: number;
  into_name: string;
  /** The contact is new from the same file (an earlier record). */
  into_new: boolean;
  matched_by: "uid" | "email" | "phone" | "name";
  filled: string[];
  conflicts: { field: string; kept: string; other: string }[];
}

/** A record added beside a contact with the same name because something conflicts. */
export interface PossibleDuplicate {
  /** The contact that had the name, then the record's contact. */
  ids: [number, number];
  file: string;
  line: number;
  record: string;
  /** The record's name. */
  name: string;
  /** The contact with the same name (`ids[0]`). */
  contact_id: number;
  contact_name: string;
  /** What tells them apart, e.g. `different company (Acme / Globex)`. */
  reason: string;
  /** How many contacts had the name before the record. */
  namesakes: number;
}

export interface SkippedRecord {
  file: string;
  line: number;
  record: string;
  reason: string;
}

export interface ImportSummary {
  format: string;
  file: string;
  added: number;
  merged: number;
  skipped: number;
  errors: string[];
  warnings: string[];
  dry_run: boolean;
  merges: ImportMerge[];
  possible_duplicates: PossibleDuplicate[];
  skipped_records: SkippedRecord[];
}

export interface AppInfo {
  db_path: string;
  contacts: number;
}

export type Settings = Record<string, string>;

/** The settings of the app on this computer (not in the planner's settings). */
export interface DesktopSettings {
  /** When the daily digest notification pops up: `HH:MM`, or `off`. */
  digest_time: string;
  /** Closing the window keeps keepwarm running in the tray. */
  close_to_tray: boolean;
  /** keepwarm starts, hidden in the tray, when the user logs in. */
  autostart: boolean;
}

/** A command's failure, as the Rust side serialises it. */
export interface CommandError {
  kind: string;
  message: string;
  field: string | null;
}

export type EditField =
  | "name"
  | "company"
  | "title"
  | "birthday"
  | "circle"
  | "notes"
  | "add_email"
  | "remove_email"
  | "add_phone"
  | "remove_phone"
  | "add_interest"
  | "remove_interest"
  | "add_tag"
  | "remove_tag";

export interface TrashedContact extends Contact {
  deleted_on: IsoDate;
  purge_on: IsoDate;
  interactions: number;
  promises: number;
}

export interface MergeReport {
  keep: number;
  keep_name: string;
  other: number;
  other_name: string;
  filled: string[];
  conflicts: { field: string; kept: string; other: string }[];
  added: string[];
  interactions_moved: number;
  promises_moved: number;
}

export interface BackupFile {
  path: string;
  day: IsoDate;
  bytes: number;
}

/** Where sync stands (`sync_status`); never carries the password. */
export interface SyncState {
  configured: boolean;
  server_url: string | null;
  username: string | null;
  /** When the last successful sync finished (UTC, RFC 3339). */
  last_sync_at: string | null;
  last_attempt_at: string | null;
  /** Why the latest attempt failed; null when it succeeded. */
  last_error: string | null;
  failures: number;
  /** Local changes waiting to be sent. */
  pending: number;
  in_progress: boolean;
  /** The background sync's interval in minutes (0: off). */
  interval_minutes: number;
  /** When the background sync means to run next, if it does. */
  next_at: string | null;
}

export interface SyncMoved {
  contacts: number;
  deleted: number;
  merged: number;
  interactions: number;
  promises: number;
  removed: number;
}

/** What one sync did (`sync_now`). */
export interface SyncReport {
  up: SyncMoved;
  down: SyncMoved;
  conflicts: { record: string; field: string; kept: string; dropped: string; winner: string }[];
  errors: string[];
  requests: number;
  took_ms: number;
  finished_at: string;
}
