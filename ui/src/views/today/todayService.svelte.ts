// Today's pings and the actions on them.
import { app } from "../../lib/app.svelte";
import { backend } from "../../lib/backend/backend";
import type { InteractionKind, PingRequest, TodayPing, TodayScreen } from "../../lib/backend/types";
import { moveSelection } from "../../lib/keys";
import { latest } from "../../lib/latest";

class TodayService {
  screen = $state<TodayScreen | null>(null);
  error = $state<string | null>(null);
  selected = $state(0);
  /** The ping whose Done or Snooze form is open. */
  open = $state<{ id: string; form: "done" | "snooze" } | null>(null);
  private current = latest();

  async load() {
    const isCurrent = this.current.begin();
    try {
      const screen = await backend.todayScreen();
      if (!isCurrent()) return;
      this.screen = screen;
      this.error = null;
      this.selected = Math.min(this.selected, Math.max(0, screen.pings.length - 1));
      if (this.open && !screen.pings.some((p) => p.id === this.open?.id)) this.open = null;
    } catch (e) {
      if (isCurrent()) this.error = String((e as { message?: string })?.message ?? e);
    }
  }

  get pings(): TodayPing[] {
    return this.screen?.pings ?? [];
  }

  move(step: number) {
    this.selected = moveSelection(this.selected, step, this.pings.length);
  }

  openForm(id: string, form: "done" | "snooze") {
    this.open = this.open?.id === id && this.open.form === form ? null : { id, form };
    const i = this.pings.findIndex((p) => p.id === id);
    if (i >= 0) this.selected = i;
  }

  async act(ping: TodayPing, request: PingRequest, said: string) {
    try {
      await backend.actOnPing(ping.id, request);
      this.open = null;
      app.say(`${said}: ${ping.contact_name}`, true);
      await this.load();
    } catch (e) {
      app.fail(e);
    }
  }

  done(ping: TodayPing, kind: InteractionKind, note: string) {
    return this.act(ping, { action: "done", kind, note }, "Done");
  }

  snoozeDays(ping: TodayPing, days: number) {
    return this.act(ping, { action: "snooze_days", days }, `Snoozed ${days} day${days === 1 ? "" : "s"}`);
  }

  snoozeUntil(ping: TodayPing, until: string) {
    return this.act(ping, { action: "snooze_until", until }, `Snoozed to ${until}`);
  }

  skip(ping: TodayPing) {
    return this.act(ping, { action: "skip" }, "Skipped");
  }
}

export const today = new TodayService();
