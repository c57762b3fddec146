import { cleanup, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, expect, it, vi } from "vitest";
import type { SyncState } from "../backend/types";

const status = vi.hoisted(() => ({ current: null as SyncState | null }));

vi.mock("../backend/backend", () => ({
  backend: { syncStatus: () => Promise.resolve(status.current) },
  errorMessage: (e: unknown) => String(e),
}));
vi.mock("@tauri-apps/api/event", () => ({ listen: () => Promise.resolve(() => {}) }));

import SyncIndicator from "./SyncIndicator.svelte";

function state(over: Partial<SyncState>): SyncState {
  return {
    configured: true,
    server_url: "https://dav.example.com/",
    username: "ann",
    last_sync_at: new Date(Date.now() - 2 * 60_000).toISOString(),
    last_attempt_at: null,
    last_error: null,
    failures: 0,
    pending: 0,
    in_progress: false,
    interval_minutes: 15,
    next_at: null,
    ...over,
  };
}

afterEach(() => {
  cleanup();
  status.current = null;
});

it("says quietly when it last synced, with a label for screen readers", async () => {
  status.current = state({});
  render(SyncIndicator);
  const button = await screen.findByTestId("sync-indicator");
  expect(button.textContent).toContain("Synced 2 min ago");
  expect(button.getAttribute("aria-label")).toBe("Synced 2 min ago. Open sync settings");
});

it("says a failure in words, the whole message in its label", async () => {
  status.current = state({ last_error: "cannot reach the server at https://dav.example.com/: refused; try again later" });
  render(SyncIndicator);
  const button = await screen.findByTestId("sync-indicator");
  await waitFor(() => expect(button.textContent).toContain("Sync failed: cannot reach the server"));
  expect(button.classList.contains("failed")).toBe(true);
  expect(button.getAttribute("aria-label")).toContain("try again later");
});

it("shows nothing while sync is not set up", async () => {
  status.current = state({ configured: false });
  const { container } = render(SyncIndicator);
  await waitFor(() => expect(container.querySelector("button")).toBeNull());
});
