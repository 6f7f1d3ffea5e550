//! The checks of a plan file that need the whole campaign: every reference resolves, counterparts
//! are in the other language, and milestones form no cycle. They run on the plan as it would be
//! once applied (the store's record with the file merged in), so a file may refer to items the
//! store already holds.

use super::parse::{ParsedPlan, Target};
use super::source::{Pos, Problem};
use crate::model::plan::Plan;
use crate::model::schedule::find_cycle;
use crate::model::types::Lang;

/// Every problem of `parsed` once merged into `merged`; empty when it may be applied.
pub fn validate(parsed: &ParsedPlan, merged: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    if merged.campaign.is_none() {
        problems.push(Problem {
            pos: Pos { line: 1, col: 1 },
            message: "the store has no campaign yet: the plan needs a [campaign] section with 'name' and 'end'".into(),
        });
    }
    for r in &parsed.references {
        let found_lang: Option<Option<Lang>> = match r.target {
            Target::Organization => merged.organizations.get(&r.key).map(|_| None),
            Target::Table => merged.tables.get(&r.key).map(|_| None),
            Target::Milestone => merged.milestones.get(&r.key).map(|_| None),
            Target::Channel => merged.channels.get(&r.key).map(|c| Some(c.lang)),
            Target::Material => merged.materials.get(&r.key).map(|m| Some(m.lang)),
        };
        match (found_lang, r.counterpart_of) {
            (None, _) => problems.push(Problem { pos: r.pos, message: format!("{}: unknown {} '{}'", r.from, r.target.noun(), r.key) }),
            (Some(Some(other)), Some(mine)) if other == mine || other == Lang::Bilingual => problems.push(Problem {
                pos: r.pos,
                message: format!(
                    "{}: {} '{}' is in '{other}', not in the other official language of '{mine}'",
                    r.from,
                    r.target.noun(),
                    r.key
                ),
            }),
            _ => {}
        }
    }
    if let Some(cycle) = find_cycle(merged.milestones.values().map(|m| (m.key.as_str(), m.depends_on.as_slice()))) {
        let pos = cycle.iter().filter_map(|k| parsed.milestone_pos.get(k)).min().copied().unwrap_or(Pos { line: 1, col: 1 });
        let mut path = cycle.clone();
        path.push(cycle[0].clone());
        problems.push(Problem { pos, message: format!("milestones form a cycle: {}", path.join(" → ")) });
    }
    problems
}
