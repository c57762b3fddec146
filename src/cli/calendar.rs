//! The calendar feed: `feed`.

use std::io::Write;

use anyhow::Result;
use clap::Args;

use super::Ctx;

#[derive(Debug, Args)]
pub struct FeedArgs {
    /// The port (0: any free one). Keep it fixed so subscriptions keep working.
    #[arg(long, default_value_t = keepwarm::feed::DEFAULT_PORT)]
    port: u16,
    /// Make a new secret URL; subscriptions to the old one stop.
    #[arg(long)]
    rotate_token: bool,
}

pub fn feed(ctx: &Ctx, a: FeedArgs) -> Result<()> {
    let mut store = ctx.open_for_writing()?;
    let token = if a.rotate_token {
        keepwarm::feed::rotate_token(&mut store)?
    } else {
        keepwarm::feed::feed_token(&mut store)?
    };
    drop(store);
    let feed = std::sync::Arc::new(keepwarm::feed::FeedCalendar::open(
        &ctx.db_path,
        ctx.today_given,
    )?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let listener = keepwarm::feed::bind(a.port)?;
    let address = listener.local_addr()?;
    println!("http://{address}/{token}.ics");
    std::io::stdout().flush()?;
    eprintln!("Serving the keepwarm calendar on {address} (127.0.0.1 only); Ctrl-C stops it.");
    runtime.block_on(async move {
        tokio::select! {
            served = keepwarm::feed::serve(listener, token, feed) => served?,
            _ = tokio::signal::ctrl_c() => eprintln!("Stopped."),
        }
        Ok::<(), anyhow::Error>(())
    })
}
