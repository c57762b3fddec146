//! Going back: `undo` and `backup`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::output::{print_json, safe};
use super::Ctx;

#[derive(Debug, Args)]
pub struct UndoArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn undo(ctx: &Ctx, a: UndoArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let undone = store.undo()?;
    if a.json {
        print_json(&serde_json::json!({ "undone": undone }))?;
    }
    match undone {
        Some(u) => eprintln!(
            "Undid: {} ({} more can be undone)",
            safe(&u.label),
            u.remaining
        ),
        None => eprintln!("Nothing to undo."),
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (default: the backups folder beside the database).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn backup(ctx: &Ctx, a: BackupArgs) -> Result<()> {
    let store = ctx.open_for_reading()?;
    let path = store.backup_now(a.out.as_deref())?;
    if a.json {
        print_json(&serde_json::json!({ "path": path }))?;
    }
    eprintln!("Backed up {} to {}", ctx.db_path.display(), path.display());
    Ok(())
}
