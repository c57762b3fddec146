//! End-to-end tests: the real `keepwarm-desktop` under Xvfb, driven through
//! tauri-driver and WebKitWebDriver as a person would use it, each checking the
//! database through the library or the `keepwarm` CLI as well as the screen.
//!
//! Needs Xvfb, dbus-daemon, WebKitWebDriver and tauri-driver (`scripts/install-deps`).
//!
//! What the desktop app promises, and the test that holds it to it:
//!
//! | promise | test |
//! |---|---|
//! | a ping marked done with a note leaves Today, joins the timeline; Undo | `scenarios::a_ping_marked_done_with_a_note_leaves_today_and_joins_the_timeline` |
//! | j/k move through Today, d/x act | `scenarios::the_keyboard_moves_through_today_and_acts` |
//! | a contact found by a word only in a meeting note | `scenarios::a_contact_is_found_by_a_word_only_in_a_meeting_note` |
//! | three people captured at a conference, one existing (no duplicate), follow-ups in Plan | `scenarios::three_people_captured_at_a_conference_get_follow_ups_and_no_duplicate` |
//! | a birthday edited in place, checked by the library | `scenarios::a_birthday_is_edited_in_place_with_the_library_checking_it` |
//! | two contacts merged | `scenarios::two_contacts_merge_into_one_with_both_histories` |
//! | a contact deleted, then back with Undo | `trash::a_contact_deleted_from_its_page_comes_back_with_undo` |
//! | a contact deleted, then restored from the Trash | `trash::a_deleted_contact_comes_back_from_the_trash` |
//! | the daily cap changed in Settings changes Plan | `scenarios::changing_the_daily_cap_in_settings_changes_the_plan` |
//! | the digest time, checked by the library, stored | `desktop_settings::the_digest_time_is_checked_by_the_library_and_stored` |
//! | keep running in the tray, start at login | `desktop_settings::the_tray_and_start_at_login_switches_are_stored` |
//! | an import previewed before it changes anything | `import::an_import_is_previewed_before_it_changes_anything` |
//! | an import's possible duplicate merged from the import screen | `import::a_namesake_from_an_import_is_merged_from_the_import_screen` |
//! | a name like `<img src=x onerror=…>` with a promise due today shown as text in Today, Contacts and its page | `scenarios::a_contact_named_like_markup_is_shown_as_text_everywhere` |
//! | every view in light and dark, saved as screenshots | `screens::every_view_is_screenshotted_in_light_and_dark` |
//! | window, Today and search times on 10,000 contacts / 200,000 interactions | `screens::a_big_database_opens_fast_and_searches_as_you_type` |

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod desktop_settings;
mod harness;
mod import;
mod scenarios;
mod screens;
mod sync;
mod trash;
