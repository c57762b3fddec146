// Today's pings and the actions on them.
import { app } from "../../lib/app.svelte";
import { backend } from "../../lib/backend/backend";
import type { InteractionKind, PingRequest, TodayPing, TodayScreen } from "../../lib/backend/types";
import { moveSelection } from "../../lib/keys";
import { latest } from "../../lib/latest";
import { visibleCount } from "../../lib/paging";

/** Pings shown at first (a big day can hold hundreds): the first page paints at once. */
export const TODAY_PAGE = 25;

class TodayService {
  screen = $state<TodayScreen | null>(null);
  error = $state<string | null>(null);
  selected = $state(0);
  /** The ping whose Done or Snooze form is open. */
  open = $state<{ id: string; form: "done" | "snooze" } | null>(null);
  private current = latest();
  /** The start-up's request, sent before the app is mounted; the first load uses it. */
  private early: Promise<TodayScreen> | null = null;

  /** Asks for Today at once (at start-up, before the views exist to ask). */
  askEarly() {
    performance.mark("today-requested");
    this.early = backend.todayScreen();
    // Its failure is reported by the load that uses it.
    this.early.catch(() => {});
  }

  async load() {
    const isCurrent = this.current.begin();
    try {
      const early = this.early;
      this.early = null;
      // Marks for the end-to-end run's timings (the first load is the start-up's).
      if (!early) performance.mark("today-requested");
      const screen = await (early ?? backend.todayScreen());
      performance.mark("today-answered");
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

  /** How many of the pings are on screen (a page more each time the user asks). */
  shown = $state(TODAY_PAGE);

  /** The pings on screen: the first pages, always including the selected one. */
  get visible(): TodayPing[] {
    return this.pings.slice(0, visibleCount(this.shown, this.selected, this.pings.length, TODAY_PAGE));
  }

  showMore() {
    this.shown = visibleCount(this.shown + TODAY_PAGE, this.selected, this.pings.length, TODAY_PAGE);
  }

  move(step: number) {
    this.selected = moveSelection(this.selected, step, this.pings.length);
    this.shown = visibleCount(this.shown, this.selected, this.pings.length, TODAY_PAGE);
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
