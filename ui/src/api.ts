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
