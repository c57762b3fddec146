import "./style.css";
import { feedStatus, listContacts, setFeedEnabled, type Contact, type FeedStatus } from "./api";

const search = document.querySelector<HTMLInputElement>("#search")!;
const body = document.querySelector<HTMLTableSectionElement>("#contacts tbody")!;
const count = document.querySelector<HTMLElement>("#count")!;
const status = document.querySelector<HTMLElement>("#status")!;

// Rows are built with textContent only: contact data is never parsed as HTML.
function cell(text: string, className?: string): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function row(c: Contact): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const circle = cell(c.circle, `circle circle-${c.circle}`);
  tr.append(cell(c.name, "name"), cell(c.company ?? ""), cell(c.title ?? ""), circle, cell(c.interests.join(", ")));
  return tr;
}

// Only the newest request may paint, so fast typing never shows stale results.
let generation = 0;
async function refresh(): Promise<void> {
  const mine = ++generation;
  try {
    const contacts = await listContacts(search.value);
    if (mine !== generation) return;
    body.replaceChildren(...contacts.map(row));
    count.textContent = `${contacts.length} contact${contacts.length === 1 ? "" : "s"}`;
    status.textContent = contacts.length === 0 ? (search.value ? "No contact matches." : "No contacts yet.") : "";
  } catch (err) {
    if (mine !== generation) return;
    body.replaceChildren();
    count.textContent = "";
    status.textContent = `Could not load contacts: ${String(err)}`;
    status.classList.add("error");
  }
}

let timer: number | undefined;
search.addEventListener("input", () => {
  window.clearTimeout(timer);
  timer = window.setTimeout(refresh, 120);
});
document.addEventListener("keydown", (e) => {
  if (e.key === "/" && document.activeElement !== search) {
    e.preventDefault();
    search.focus();
  } else if (e.key === "Escape" && document.activeElement === search) {
    search.value = "";
    void refresh();
  }
});

const feedToggle = document.querySelector<HTMLInputElement>("#feed-toggle")!;
const feedUrl = document.querySelector<HTMLElement>("#feed-url")!;

function showFeed(status: FeedStatus): void {
  feedToggle.checked = status.enabled;
  feedUrl.hidden = !(status.url || status.error);
  feedUrl.classList.toggle("error", Boolean(status.error));
  feedUrl.textContent = status.error
    ? `Calendar feed could not start: ${status.error}`
    : status.url
      ? `Subscribe your calendar to ${status.url}`
      : "";
}

feedToggle.addEventListener("change", () => {
  setFeedEnabled(feedToggle.checked).then(showFeed, (err) => showFeed({ enabled: false, url: null, error: String(err) }));
});

void refresh();
void feedStatus().then(showFeed);
