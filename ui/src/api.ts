// The one place the UI talks to the Rust side.
import { invoke } from "@tauri-apps/api/core";

export type Circle = "inner" | "core" | "network" | "acquaintance";

export interface Contact {
  id: number;
  name: string;
  emails: string[];
  phones: string[];
  company: string | null;
  title: string | null;
  birthday: string | null;
  circle: Circle;
  interests: string[];
  paused: boolean;
}

export function listContacts(search: string): Promise<Contact[]> {
  return invoke<Contact[]>("list_contacts", { search: search.trim() === "" ? null : search });
}

export interface FeedStatus {
  enabled: boolean;
  url: string | null;
  error: string | null;
}

export function feedStatus(): Promise<FeedStatus> {
  return invoke<FeedStatus>("feed_status");
}

export function setFeedEnabled(enabled: boolean): Promise<FeedStatus> {
  return invoke<FeedStatus>("set_feed_enabled", { enabled });
}
