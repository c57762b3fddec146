//! Settings: `settings` and `settings set KEY VALUE`.

use anyhow::Result;
use clap::{Args, Subcommand};

use keepwarm::notify;
use keepwarm::schedule::settings::SETTING_KEYS;

use super::output::print_json;
use super::Ctx;

#[derive(Debug, Args)]
pub struct SettingsArgs {
    #[command(subcommand)]
    change: Option<SettingsCommand>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum SettingsCommand {
    /// Change a setting (see `keepwarm settings` for the keys).
    Set {
        /// The setting's key.
        key: String,
        /// Its new value.
        value: String,
    },
}

pub fn settings(ctx: &Ctx, a: SettingsArgs) -> Result<()> {
    let mut changed = None;
    if let Some(SettingsCommand::Set { key, value }) = a.change {
        let known: Vec<&str> = SETTING_KEYS
            .iter()
            .chain(notify::NOTIFY_SETTING_KEYS)
            .map(|(k, _)| *k)
            .collect();
        if !known.contains(&key.as_str()) {
            return Err(keepwarm::Error::invalid(
                "setting",
                &key,
                match keepwarm::validate::closest(&key, &known) {
                    Some(meant) => format!(
                        "unknown setting, did you mean {meant}? (known settings: {})",
                        known.join(", ")
                    ),
                    None => format!("unknown; known settings: {}", known.join(", ")),
                },
            )
            .into());
        }
        let mut store = ctx.open_for_writing()?;
        // The notifier's keys (digest_time, close_to_tray) are checked by its module.
        if !notify::set_notify_setting(&mut store, &key, &value)? {
            store.set_planner_setting(&key, &value)?;
        }
        changed = Some(key);
    }
    let store = ctx.open_for_reading()?;
    let mut pairs = store.planner_settings()?.to_pairs();
    let notify_pairs = notify::notify_settings(&store)?;
    let setting = changed.is_some();
    if let Some(key) = changed {
        // Said as stored: `holidays USA` is kept as US.
        let value = pairs
            .get(key.as_str())
            .cloned()
            .or_else(|| {
                notify_pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.clone())
            })
            .unwrap_or_default();
        if value.is_empty() {
            eprintln!("{key} set");
        } else {
            eprintln!("{key} set to {value}");
        }
    }
    // `settings set` says what it set; the whole table is `settings`'s (or
    // `--json`'s, for scripts that read the settings back).
    if setting && !a.json {
        return Ok(());
    }
    if a.json {
        pairs.extend(notify_pairs);
        let typed: serde_json::Map<String, serde_json::Value> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), typed_value(k, v)))
            .collect();
        print_json(&typed)
    } else {
        let rows = SETTING_KEYS.iter().map(|(key, help)| {
            let value = pairs.get(key).cloned().unwrap_or_default();
            (*key, value, *help)
        });
        let notify_rows = notify::NOTIFY_SETTING_KEYS.iter().map(|(key, help)| {
            let value = notify_pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            (*key, value, *help)
        });
        for (key, value, help) in rows.chain(notify_rows) {
            println!("{key:<22} {value:<36} {help}");
        }
        Ok(())
    }
}

/// A setting's value as JSON of its own type: numbers as numbers, lists as arrays.
fn typed_value(key: &str, value: &str) -> serde_json::Value {
    if let Ok(n) = value.parse::<i64>() {
        return n.into();
    }
    if let Ok(b) = value.parse::<bool>() {
        return b.into();
    }
    if matches!(key, "working_days" | "vacations") {
        return value
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| serde_json::Value::from(v.to_owned()))
            .collect::<Vec<_>>()
            .into();
    }
    value.into()
}
