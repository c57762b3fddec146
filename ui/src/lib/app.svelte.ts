// The app's shared state: which view is open, toasts with Undo, and the refresh signal
// that tells the open view to reload (on focus, or when another program wrote the database).
import { backend, errorMessage } from "./backend/backend";
import { localToday } from "./format";

export type View = "today" | "contacts" | "conference" | "plan" | "insights" | "import" | "settings";

export const VIEWS: { id: View; name: string; key: string }[] = [
  { id: "today", name: "Today", key: "1" },
  { id: "contacts", name: "Contacts", key: "2" },
  { id: "conference", name: "Conference", key: "3" },
  { id: "plan", name: "Plan", key: "4" },
  { id: "insights", name: "Insights", key: "5" },
  { id: "import", name: "Import", key: "6" },
  { id: "settings", name: "Settings", key: "7" },
];

export interface Toast {
  id: number;
  message: string;
  /** Offer the library's Undo for the change just made. */
  undoable: boolean;
  error?: boolean;
}

/** How long the Undo offer stays up. */
export const UNDO_SECONDS = 8;

class AppState {
  view = $state<View>("today");
  /** The contact whose page is open in Contacts, if any. */
  contactId = $state<number | null>(null);
  /** Bumped when the open view should reload its data. */
  refreshTick = $state(0);
  toast = $state<Toast | null>(null);
  /** Asks the Contacts view to focus its search box. */
  focusSearchTick = $state(0);
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private nextToast = 1;

  go(view: View) {
    this.view = view;
    if (view !== "contacts") this.contactId = null;
  }

  openContact(id: number) {
    this.view = "contacts";
    this.contactId = id;
  }

  refresh() {
    this.refreshTick++;
  }

  say(message: string, undoable = false) {
    clearTimeout(this.toastTimer);
    this.toast = { id: this.nextToast++, message, undoable };
    this.toastTimer = setTimeout(() => (this.toast = null), (undoable ? UNDO_SECONDS : 4) * 1000);
  }

  fail(e: unknown) {
    clearTimeout(this.toastTimer);
    this.toast = { id: this.nextToast++, message: errorMessage(e), undoable: false, error: true };
    this.toastTimer = setTimeout(() => (this.toast = null), 8000);
  }

  dismissToast() {
    clearTimeout(this.toastTimer);
    this.toast = null;
  }

  /** Reverts the latest change through the library's journal. */
  async undo() {
    try {
      const undone = await backend.undo();
      this.dismissToast();
      this.say(undone ? `Undone: ${undone}` : "Nothing to undo");
      this.refresh();
    } catch (e) {
      this.fail(e);
    }
  }
}

export const app = new AppState();

/** Reloads the open view when the database changes underneath (another program wrote
 *  to it: the CLI, a sync) or the day turns; checked every `intervalMs` and on focus. */
export function watchDatabase(intervalMs = 1500): () => void {
  let known: number | null = null;
  let day = localToday();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = async () => {
    clearTimeout(timer);
    try {
      const version = await backend.dataVersion();
      const now = localToday();
      if ((known !== null && version !== known) || now !== day) app.refresh();
      known = version;
      day = now;
    } catch {
      // No database: the view shows why; nothing to watch.
    }
    if (!stopped) timer = setTimeout(check, intervalMs);
  };
  timer = setTimeout(check, intervalMs);
  const onFocus = () => void check();
  window.addEventListener("focus", onFocus);
  return () => {
    stopped = true;
    clearTimeout(timer);
    window.removeEventListener("focus", onFocus);
  };
}
