// The one module that talks to the Rust side: one typed function per command.
// Views never call `invoke` themselves; they go through services that use this.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppInfo,
  BackupFile,
  Capture,
  Captured,
  CommandError,
  ContactDetail,
  ContactForm,
  ContactRow,
  DesktopSettings,
  EditField,
  FeedStatus,
  ImportSummary,
  Insights,
  InteractionKind,
  IsoDate,
  MergeReport,
  Ping,
  PingRequest,
  PlanScreen,
  RecentEvent,
  Settings,
  SyncReport,
  SyncState,
  TodayScreen,
  TrashedContact,
} from "./types";

/** The readable message of anything a command threw. */
export function errorMessage(e: unknown): string {
  if (typeof e === "string") return e;
  if (e && typeof e === "object" && "message" in e) return String((e as CommandError).message);
  return String(e);
}

/** The field a validation error names, if any. */
export function errorField(e: unknown): string | null {
  if (e && typeof e === "object" && "field" in e) return (e as CommandError).field ?? null;
  return null;
}

export const backend = {
  todayScreen: () => invoke<TodayScreen>("today_screen"),
  actOnPing: (pingId: string, request: PingRequest) => invoke<Ping>("act_on_ping", { pingId, request }),
  /** Reverts the latest change; returns what was undone, in words, or null when nothing was. */
  undo: () => invoke<string | null>("undo"),

  contactRows: () => invoke<ContactRow[]>("contact_rows"),
  searchContacts: (query: string, limit: number) => invoke<number[]>("search_contacts", { query, limit }),
  contactDetail: (id: number) => invoke<ContactDetail>("contact_detail", { id }),
  addContact: (form: ContactForm) => invoke<number>("add_contact", { form }),
  /** Changes one field in place (`name`, `company`, `title`, `birthday`, `circle`, `notes`,
   *  `add_email`, `remove_email`, `add_phone`, `remove_phone`, `add_interest`, `remove_interest`). */
  editContact: (id: number, field: EditField, value: string) => invoke<void>("edit_contact", { id, field, value }),
  mergeContacts: (keep: number, other: number) => invoke<MergeReport>("merge_contacts", { keep, other }),
  deleteContact: (id: number) => invoke<void>("delete_contact", { id }),
  trash: () => invoke<TrashedContact[]>("trash"),
  restoreContact: (id: number) => invoke<void>("restore_contact", { id }),
  logInteraction: (contactId: number, kind: InteractionKind, date: IsoDate, note: string, event: string | null) =>
    invoke<number>("log_interaction", { contactId, kind, date, note, event }),
  addPromise: (contactId: number, text: string, due: IsoDate) => invoke<number>("add_promise", { contactId, text, due }),
  completePromise: (id: number) => invoke<void>("complete_promise", { id }),
  setPaused: (id: number, paused: boolean) => invoke<void>("set_paused", { id, paused }),

  recentEvents: () => invoke<RecentEvent[]>("recent_events"),
  capturePerson: (capture: Capture) => invoke<Captured>("capture_person", { capture }),

  planScreen: (days: number) => invoke<PlanScreen>("plan_screen", { days }),
  exportIcs: (path: string, days: number) => invoke<number>("export_ics", { path, days }),
  feedStatus: () => invoke<FeedStatus>("feed_status"),
  setFeedEnabled: (enabled: boolean) => invoke<FeedStatus>("set_feed_enabled", { enabled }),

  insights: () => invoke<Insights>("insights"),

  importFile: (path: string, dryRun: boolean) => invoke<ImportSummary>("import_file", { path, dryRun }),

  settings: () => invoke<Settings>("settings"),
  setSetting: (key: string, value: string) => invoke<void>("set_setting", { key, value }),
  appInfo: () => invoke<AppInfo>("app_info"),
  backupNow: () => invoke<string>("backup_now"),
  backups: () => invoke<BackupFile[]>("backups"),
  dataVersion: () => invoke<number>("data_version"),

  /** The digest time, close to tray and start at login. */
  desktopSettings: () => invoke<DesktopSettings>("desktop_settings"),
  /** `HH:MM` or `off`; answers with all three settings. */
  setDigestTime: (value: string) => invoke<DesktopSettings>("set_digest_time", { value }),
  setCloseToTray: (on: boolean) => invoke<DesktopSettings>("set_close_to_tray", { on }),
  setAutostart: (on: boolean) => invoke<DesktopSettings>("set_autostart", { on }),

  syncStatus: () => invoke<SyncState>("sync_status"),
  syncNow: () => invoke<SyncReport>("sync_now"),
  /** The password goes straight to the system keyring. */
  syncSetup: (url: string, user: string, password: string) => invoke<SyncState>("sync_setup", { url, user, password }),
  syncForget: () => invoke<SyncState>("sync_forget"),
  setSyncInterval: (minutes: number) => invoke<SyncState>("set_sync_interval", { minutes }),
};

export type Backend = typeof backend;
