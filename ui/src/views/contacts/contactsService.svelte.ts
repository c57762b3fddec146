// The contact list (loaded once per change of the database) and as-you-type search.
import { backend } from "../../lib/backend/backend";
import type { ContactRow } from "../../lib/backend/types";
import { latest } from "../../lib/latest";

/** How many matches a search asks for. */
export const SEARCH_LIMIT = 500;

class ContactsService {
  rows = $state.raw<ContactRow[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  query = $state("");
  /** Ids matching the query, best first; null when there is no query. */
  matches = $state.raw<number[] | null>(null);
  /** How long the last search command took, as the page saw it (for the end-to-end run). */
  lastCommandMs: number | null = null;
  private byId = new Map<number, ContactRow>();
  private loading = latest();
  private searching = latest();

  async load() {
    const isCurrent = this.loading.begin();
    try {
      const rows = await backend.contactRows();
      if (!isCurrent()) return;
      this.rows = rows;
      this.byId = new Map(rows.map((r) => [r.id, r]));
      this.loaded = true;
      this.error = null;
      if (this.query.trim() !== "") await this.search(this.query, performance.now());
    } catch (e) {
      if (isCurrent()) this.error = String((e as { message?: string })?.message ?? e);
    }
  }

  /** The rows to show: all, or the matches in the order search ranked them. */
  get shown(): ContactRow[] {
    if (this.matches === null) return this.rows;
    const out: ContactRow[] = [];
    for (const id of this.matches) {
      const row = this.byId.get(id);
      if (row) out.push(row);
    }
    return out;
  }

  async search(query: string, startedAt: number): Promise<boolean> {
    this.query = query;
    const isCurrent = this.searching.begin();
    if (query.trim() === "") {
      this.matches = null;
      return true;
    }
    try {
      const asked = performance.now();
      performance.mark("search-asked");
      const ids = await backend.searchContacts(query, SEARCH_LIMIT);
      performance.mark("search-answered");
      if (!isCurrent()) return false;
      this.lastCommandMs = Math.round(performance.now() - asked);
      this.matches = ids;
      this.error = null;
      void startedAt;
      return true;
    } catch (e) {
      if (isCurrent()) this.error = String((e as { message?: string })?.message ?? e);
      return false;
    }
  }
}

export const contacts = new ContactsService();
