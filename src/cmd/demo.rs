//! `engage demo`: the seed campaign (the 2018 Service Partnerships Guide engagement strategy),
//! from the plan embedded in the binary, into a store; then its status and upcoming deadlines.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::Ctx;
use crate::cli::{AsOfArgs, DemoArgs, Format, OutputArgs, ReportArgs, ReportFormat, StatusArgs, UpcomingArgs};
use crate::error::{Error, Result};
use crate::msg;
use crate::store::{Open, Store};

/// The seed campaign's plan.
pub const SEED_PLAN: &str = include_str!("../../fixtures/service-partnerships-guide.toml");
const SEED_NAME: &str = "fixtures/service-partnerships-guide.toml";

/// The seed campaign's name (the fixture's `[campaign] name`).
const SEED_CAMPAIGN: &str = "Service Partnerships Guide — 2018 Engagement Strategy";

/// Whether a campaign is the seed's (by its name): its reports say, in one line, what in it is
/// illustrative rather than taken from the 2018 strategy.
pub fn is_seed(campaign_name: &str) -> bool {
    campaign_name == SEED_CAMPAIGN
}

/// The day the demo looks from by default: mid-way through the campaign.
pub fn default_as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2018, 9, 20).unwrap_or_default()
}

/// Runs the demo. Its store is `--db` only (never `$ENGAGE_DB`, so that a user's store is not
/// filled with the seed campaign by mistake), else a temporary directory removed afterwards. A
/// `--db` store that already holds a campaign is refused (bad input) and left as it was.
pub fn run(ctx: &Ctx, args: DemoArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    let as_of = Some(args.as_of.unwrap_or_else(default_as_of));
    let (path, temp) = match ctx.db.as_ref().filter(|_| ctx.db_from_flag) {
        Some(p) => {
            refuse_a_campaign(p)?;
            (p.clone(), None)
        }
        None => {
            let dir = tempfile::Builder::new()
                .prefix("engage-demo-")
                .tempdir()
                .map_err(|e| Error::io(msg!("cannot create a temporary store", "impossible de créer une base de données temporaire"), e))?;
            (dir.path().join("demo.db"), Some(dir))
        }
    };
    let ctx = Ctx { db: Some(path.clone()), db_from_flag: true, ..ctx.clone() };
    let report_target = super::output::Target::of(&ctx, args.report.as_deref())?;
    let mut store = Store::open(&path, Open::Create)?;
    let changes = store
        .change_plan(&ctx.actor(), |stored| {
            if stored.campaign.is_some() {
                return Err(holds_a_campaign(&path));
            }
            crate::plan::check(SEED_NAME, SEED_PLAN, &stored, false)
                .map(|c| (c.changes, ()))
                .map_err(|problems| Error::Plan { file: SEED_NAME.into(), problems })
        })?
        .0;
    drop(store);
    let shown = crate::store::shown(&path);
    crate::render::messages::demo_intro(err, ctx.ui, Path::new(&shown), changes.len(), temp.is_some())?;
    super::status::run(&ctx, StatusArgs { as_of: AsOfArgs { as_of }, format: ReportFormat::Table }, out)?;
    crate::render::messages::blank_line(out)?;
    super::upcoming::run(&ctx, UpcomingArgs { within: 14, as_of: AsOfArgs { as_of }, format: Format::Table }, out)?;
    if let Some(file) = args.report {
        let report = ReportArgs { within: 14, as_of: AsOfArgs { as_of }, output: OutputArgs { output: Some(file.clone()) } };
        super::report::run(&ctx, report, out)?;
        if report_target != super::output::Target::Stdout {
            crate::render::messages::wrote(err, ctx.ui, &file)?;
        }
    }
    Ok(())
}

/// Refuses a store that already holds a campaign, reading it without changing anything.
fn refuse_a_campaign(path: &Path) -> Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() > 0) {
        let mut store = Store::open(path, Open::ReadOnly)?;
        if store.load_plan()?.campaign.is_some() {
            return Err(holds_a_campaign(path));
        }
    }
    Ok(())
}

fn holds_a_campaign(path: &Path) -> Error {
    let shown = crate::store::shown(path);
    Error::input(msg!(
        "{shown} already holds a campaign; nothing was changed: run the demo without --db, or with --db naming a new file",
        "{shown} contient déjà une campagne\u{202f}; rien n'a été changé\u{a0}: lancez la démo sans --db, ou avec --db nommant un nouveau fichier"
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_seed_campaign_is_recognised_by_its_name() {
        let name = format!("name = \"{}\"", super::SEED_CAMPAIGN);
        assert!(super::SEED_PLAN.lines().any(|l| l == name), "the fixture's campaign is renamed: change SEED_CAMPAIGN");
    }
}
