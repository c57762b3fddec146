// One contact's page: load it, and change it one field or one list item at a time.
import { app } from "../../lib/app.svelte";
import { backend, errorMessage } from "../../lib/backend/backend";
import type { ContactDetail, EditField, InteractionKind } from "../../lib/backend/types";
import { latest } from "../../lib/latest";

class DetailService {
  detail = $state<ContactDetail | null>(null);
  error = $state<string | null>(null);
  /** A validation message from the library, by the field it concerns. */
  fieldErrors = $state<Record<string, string>>({});
  private current = latest();

  async load(id: number) {
    const isCurrent = this.current.begin();
    try {
      const detail = await backend.contactDetail(id);
      if (!isCurrent()) return;
      this.detail = detail;
      this.error = null;
    } catch (e) {
      if (isCurrent()) this.error = errorMessage(e);
    }
  }

  private async change(what: () => Promise<unknown>, said: string, key?: string): Promise<boolean> {
    try {
      await what();
      if (key) delete this.fieldErrors[key];
      app.say(said, true);
      if (this.detail) await this.load(this.detail.id);
      return true;
    } catch (e) {
      if (key) this.fieldErrors[key] = errorMessage(e);
      else app.fail(e);
      return false;
    }
  }

  edit(field: EditField, value: string, label: string) {
    const d = this.detail;
    if (!d) return Promise.resolve(false);
    return this.change(() => backend.editContact(d.id, field, value), `${label} saved`, field);
  }

  log(kind: InteractionKind, date: string, note: string) {
    const d = this.detail;
    if (!d) return Promise.resolve(false);
    return this.change(() => backend.logInteraction(d.id, kind, date, note, null), `Logged ${kind}`, "log");
  }

  addPromise(text: string, due: string) {
    const d = this.detail;
    if (!d) return Promise.resolve(false);
    return this.change(() => backend.addPromise(d.id, text, due), "Promise added", "promise");
  }

  keepPromise(id: number) {
    return this.change(() => backend.completePromise(id), "Promise kept");
  }

  setPaused(paused: boolean) {
    const d = this.detail;
    if (!d) return Promise.resolve(false);
    return this.change(() => backend.setPaused(d.id, paused), paused ? "Paused" : "Resumed");
  }

  async merge(other: number, otherName: string) {
    const d = this.detail;
    if (!d) return false;
    return this.change(() => backend.mergeContacts(d.id, other), `Merged ${otherName} into ${d.name}`);
  }

  async remove() {
    const d = this.detail;
    if (!d) return;
    try {
      await backend.deleteContact(d.id);
      app.contactId = null;
      app.say(`Deleted ${d.name} (in the Trash)`, true);
      app.refresh();
    } catch (e) {
      app.fail(e);
    }
  }
}

export const detail = new DetailService();
