//! Settings: `settings` and `settings set KEY VALUE`.

use anyhow::Result;
use clap::{Args, Subcommand};

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
    let settings = match a.change {
        Some(SettingsCommand::Set { key, value }) => {
            let mut store = ctx.open_for_writing()?;
            store.set_planner_setting(&key, &value)?;
            eprintln!("{key} set");
            store.planner_settings()?
        }
        None => ctx.open_for_reading()?.planner_settings()?,
    };
    let pairs = settings.to_pairs();
    if a.json {
        let typed: serde_json::Map<String, serde_json::Value> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), typed_value(k, v)))
            .collect();
        print_json(&typed)
    } else {
        for (key, help) in SETTING_KEYS {
            println!(
                "{key:<22} {:<36} {help}",
                pairs.get(key).map(String::as_str).unwrap_or("")
            );
        }
        Ok(())
    }
}

/// A setting's value as JSON of its own type: numbers as numbers, lists as arrays.
fn typed_value(key: &str, value: &str) -> serde_json::Value {
    if let Ok(n) = value.parse::<i64>() {
        return n.into();
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
