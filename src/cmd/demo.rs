//! `engage demo`: the seed campaign (the 2018 Service Partnerships Guide engagement strategy),
//! from the plan embedded in the binary, into a store; then its status and upcoming deadlines.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::Ctx;
use crate::cli::{AsOfArgs, DemoArgs, Format, OutputArgs, ReportArgs, ReportFormat, StatusArgs, UpcomingArgs};
use crate::error::{Error, Result};
use crate::store::{Open, Store};

/// The seed campaign's plan.
pub const SEED_PLAN: &str = include_str!("../../fixtures/service-partnerships-guide.toml");
const SEED_NAME: &str = "fixtures/service-partnerships-guide.toml";

/// The day the demo looks from by default: mid-way through the campaign.
pub fn default_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 9, 20).unwrap_or_default()
}

/// A temporary store removed when dropped.
struct TempStore(PathBuf);

impl Drop for TempStore {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = self.0.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    }
}

pub fn run(ctx: &Ctx, args: DemoArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    let as_of = Some(args.as_of.unwrap_or_else(default_as_of));
    let (path, _temp) = match &ctx.db {
        Some(p) => (p.clone(), None),
        None => {
            let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
            let p = std::env::temp_dir().join(format!("engage-demo-{}-{nanos}.db", std::process::id()));
            (p.clone(), Some(TempStore(p)))
        }
    };
    let ctx = Ctx { db: Some(path.clone()), ..ctx.clone() };
    let mut store = Store::open(&path, Open::Create)?;
    let changes = store
        .change_plan(&ctx.actor(), |stored| {
            crate::plan::check(SEED_NAME, SEED_PLAN, &stored, false)
                .map(|c| (c.changes, ()))
                .map_err(|problems| Error::Plan { file: SEED_NAME.into(), problems })
        })?
        .0;
    drop(store);
    crate::render::messages::demo_intro(err, ctx.ui, &path, changes.len(), _temp.is_some())?;
    super::status::run(&ctx, StatusArgs { as_of: AsOfArgs { as_of }, format: ReportFormat::Table }, out)?;
    crate::render::messages::blank_line(out)?;
    super::upcoming::run(&ctx, UpcomingArgs { within: 14, as_of: AsOfArgs { as_of }, format: Format::Table }, out)?;
    if let Some(file) = args.report {
        let report = ReportArgs { within: 14, as_of: AsOfArgs { as_of }, output: OutputArgs { output: Some(file.clone()) } };
        super::report::run(&ctx, report, out)?;
        crate::render::messages::wrote(err, ctx.ui, &file)?;
    }
    Ok(())
}
