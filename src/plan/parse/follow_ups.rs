//! Reading the `[[action]]` and `[[result]]` sections of a plan file (with each result's
//! `[[result.measure]]`), every problem recorded at its position.

use toml::de::DeTable;

use super::{Reader, Target, What, required};
use crate::i18n::Msg;
use crate::model::plan::{Action, ExpectedResult, Measure};
use crate::model::types::{Family, Order};
use crate::msg;
use crate::plan::fields::Fields;
use crate::plan::source::Pos;

impl Reader<'_> {
    /// Reads one `[[action]]`.
    pub(super) fn action(&mut self, table: &DeTable, pos: Pos) {
        let mut f = Fields::new(What::Section(Family::Action), pos, table);
        let key = self.key(&mut f, Family::Action, "");
        let title = f.text(&mut self.p, "title");
        if title.is_none() && f.pos_of(&self.p, "title") == pos {
            self.p.add(pos, f.problem(required("title")));
        }
        let title_fr = f.string(&mut self.p, "title_fr");
        let owner = f.string(&mut self.p, "owner");
        let due = f.date(&mut self.p, "due");
        let meeting_pos = f.pos_of(&self.p, "meeting");
        let meeting = f.string(&mut self.p, "meeting");
        if let Some(m) = &meeting {
            self.reference(Target::Meeting, m.clone(), meeting_pos, f.what.part("meeting", "réunion"));
        }
        let progress = self.progress(&mut f);
        f.finish(&mut self.p);
        if let (Some(key), Some(title)) = (key, title) {
            self.out.plan.actions.insert(key.clone(), Action { key, title, title_fr, owner, due, meeting, progress });
        }
    }

    /// Reads one `[[result]]` and its measurements.
    pub(super) fn result(&mut self, table: &DeTable, pos: Pos) {
        let mut f = Fields::new(What::Section(Family::Result), pos, table);
        let key = self.key(&mut f, Family::Result, "");
        let title = f.text(&mut self.p, "title");
        if title.is_none() && f.pos_of(&self.p, "title") == pos {
            self.p.add(pos, f.problem(required("title")));
        }
        let title_fr = f.string(&mut self.p, "title_fr");
        let order = f.choice(&mut self.p, "order", Order::parse, Order::choices);
        let target_pos = f.pos_of(&self.p, "target");
        let target = f.number(&mut self.p, "target");
        if target_pos == pos {
            self.p.add(pos, f.problem(required("target")));
        }
        let target = match target {
            Some(t) if t <= 0.0 => {
                self.p.add(target_pos, f.problem(target_not_positive(t)));
                None
            }
            t => t,
        };
        let unit = f.string(&mut self.p, "unit");
        let due = f.date(&mut self.p, "due");
        let note = f.string(&mut self.p, "note");
        let tables = f.tables(&mut self.p, "measure");
        let what = f.what.clone();
        f.finish(&mut self.p);
        let mut measures: Vec<Measure> = Vec::new();
        for (table, pos) in tables {
            let mut m = Fields::new(what.part("measure", "mesure"), pos, table);
            let on = m.required_date(&mut self.p, "on");
            let value_pos = m.pos_of(&self.p, "value");
            let value = m.number(&mut self.p, "value");
            if value_pos == pos {
                self.p.add(pos, m.problem(required("value")));
            }
            let note = m.string(&mut self.p, "note");
            m.finish(&mut self.p);
            let (Some(on), Some(value)) = (on, value) else { continue };
            if measures.iter().any(|x| x.on == on) {
                self.p.add(pos, what.join(": ", "\u{a0}: ", &msg!("two measurements on {on}", "deux mesures le {on}")));
                continue;
            }
            if let Some(k) = &key {
                self.out.measure_pos.insert((k.clone(), on), pos);
            }
            measures.push(Measure { on, value, note });
        }
        measures.sort_by_key(|m| m.on);
        if let (Some(key), Some(title), Some(target)) = (key, title, target) {
            self.out.plan.results.insert(key.clone(), ExpectedResult { key, title, title_fr, order, target, unit, due, note, measures });
        }
    }
}

/// `target must be more than 0`, for a target of `t`.
pub fn target_not_positive(t: f64) -> Msg {
    msg!("'target' is {t}: a target must be more than 0", "«\u{202f}target\u{202f}» vaut {t}\u{a0}: une cible doit être supérieure à 0")
}
