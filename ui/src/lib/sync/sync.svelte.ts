// The sync service: the status the navigation and Settings show, kept fresh by the
// app's "sync-changed" event and a slow poll (the clock moves "2 min ago" along too).
import { listen } from "@tauri-apps/api/event";
import { backend } from "../backend/backend";
import type { SyncReport, SyncState } from "../backend/types";

/** The event the app sends when a sync starts or ends, or the account changes. */
export const SYNC_CHANGED_EVENT = "sync-changed";
/** How often the status is asked for without an event. */
export const POLL_MS = 20_000;

class SyncService {
  state = $state<SyncState | null>(null);
  /** The current time, moved on by each refresh, for "… min ago". */
  now = $state(new Date());
  private watchers = 0;
  private stop: (() => void) | null = null;

  async refresh() {
    try {
      this.state = await backend.syncStatus();
    } catch {
      // No database or no app: nothing to show; the views say why.
    }
    this.now = new Date();
  }

  /** Starts watching while at least one component shows the status. */
  watch(): () => void {
    this.watchers++;
    if (this.watchers === 1) {
      void this.refresh();
      const timer = setInterval(() => void this.refresh(), POLL_MS);
      let unlisten: (() => void) | null = null;
      let stopped = false;
      listen(SYNC_CHANGED_EVENT, () => void this.refresh())
        .then((u) => (stopped ? u() : (unlisten = u)))
        .catch(() => {});
      this.stop = () => {
        stopped = true;
        clearInterval(timer);
        unlisten?.();
      };
    }
    return () => {
      this.watchers--;
      if (this.watchers === 0) {
        this.stop?.();
        this.stop = null;
      }
    };
  }

  async syncNow(): Promise<SyncReport> {
    try {
      return await backend.syncNow();
    } finally {
      await this.refresh();
    }
  }

  async setUp(url: string, user: string, password: string) {
    this.state = await backend.syncSetup(url, user, password);
    this.now = new Date();
  }

  async forget() {
    this.state = await backend.syncForget();
  }

  async changeInterval(minutes: number) {
    this.state = await backend.setSyncInterval(minutes);
  }
}

export const sync = new SyncService();
