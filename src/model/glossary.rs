//! The campaign's glossary (DESIGN.md, "Official languages"): free-text values that many items
//! share — owners, locations, chairs, jurisdictions — translated once per campaign, from the
//! stored (English) value to its French. French human output shows the French value wherever
//! the glossary has one; machine formats (JSON, CSV, plan export) keep the stored value.
//!
//! Localizing is done on copies of rows just before a human format shows them, so that the
//! rows a machine format writes are never touched.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::item::ReportRow;
use super::listing::Listed;
use super::plan::Plan;
use super::report::Report;
use super::status::Status;

/// One entry: a stored value and its French.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub english: String,
    pub french: String,
}

/// The glossary of a campaign, keyed by the stored value.
pub type Glossary = BTreeMap<String, Term>;

/// The fields whose values the glossary translates, as the plan file names them.
pub const SHARED_FIELDS: [&str; 5] = ["owner", "location", "chair", "jurisdiction", "unit"];

/// A value in French: the glossary's French for `value`, else `value` itself.
pub fn french<'a>(glossary: &'a Glossary, value: &'a str) -> &'a str {
    glossary.get(value).map_or(value, |t| t.french.as_str())
}

/// Replaces an optional value by its French, where the glossary has one.
fn swap(glossary: &Glossary, value: &mut Option<String>) {
    if let Some(v) = value
        && let Some(t) = glossary.get(v.as_str())
    {
        *v = t.french.clone();
    }
}

/// What the glossary can translate in place, for a French human output.
pub trait Localize {
    /// Every shared value in French, where the glossary has one.
    fn localize(&mut self, glossary: &Glossary);
}

impl Localize for ReportRow {
    fn localize(&mut self, glossary: &Glossary) {
        swap(glossary, &mut self.owner);
    }
}

impl<T: Localize> Localize for [T] {
    fn localize(&mut self, glossary: &Glossary) {
        for item in self {
            item.localize(glossary);
        }
    }
}

impl<T: Localize> Localize for Vec<T> {
    fn localize(&mut self, glossary: &Glossary) {
        self.as_mut_slice().localize(glossary);
    }
}

impl Localize for Status {
    fn localize(&mut self, glossary: &Glossary) {
        self.overdue.localize(glossary);
        self.results.iter_mut().for_each(|r| swap(glossary, &mut r.unit));
    }
}

impl Localize for Report {
    fn localize(&mut self, glossary: &Glossary) {
        self.status.localize(glossary);
        self.next.localize(glossary);
        self.channels.localize(glossary);
        self.materials.localize(glossary);
        self.milestones.localize(glossary);
        self.actions.localize(glossary);
    }
}

impl Localize for Listed {
    fn localize(&mut self, glossary: &Glossary) {
        match self {
            Listed::Organization(o) => swap(glossary, &mut o.jurisdiction),
            Listed::Table(t) => swap(glossary, &mut t.chair),
            Listed::Meeting(m) => swap(glossary, &mut m.location),
            Listed::AgendaItem(a) => swap(glossary, &mut a.owner),
            Listed::Channel(c) => swap(glossary, &mut c.item.owner),
            Listed::Material(m) => swap(glossary, &mut m.item.owner),
            Listed::Milestone(m) => swap(glossary, &mut m.item.owner),
            Listed::Action(a) => swap(glossary, &mut a.item.owner),
            Listed::Result(r) => swap(glossary, &mut r.item.unit),
            Listed::Person(_) | Listed::Distribution(_) => {}
        }
    }
}

impl Localize for Plan {
    fn localize(&mut self, glossary: &Glossary) {
        let g = glossary;
        self.organizations.values_mut().for_each(|o| swap(g, &mut o.jurisdiction));
        self.tables.values_mut().for_each(|t| swap(g, &mut t.chair));
        self.meetings.values_mut().for_each(|m| swap(g, &mut m.location));
        self.agenda.values_mut().for_each(|a| swap(g, &mut a.owner));
        self.channels.values_mut().for_each(|c| swap(g, &mut c.owner));
        self.materials.values_mut().for_each(|m| swap(g, &mut m.owner));
        self.milestones.values_mut().for_each(|m| swap(g, &mut m.owner));
        self.actions.values_mut().for_each(|a| swap(g, &mut a.owner));
        self.results.values_mut().for_each(|r| swap(g, &mut r.unit));
    }
}

/// An item as the journal keeps it (JSON): its shared fields in French.
impl Localize for serde_json::Value {
    fn localize(&mut self, glossary: &Glossary) {
        if let serde_json::Value::Object(fields) = self {
            for name in SHARED_FIELDS {
                if let Some(serde_json::Value::String(v)) = fields.get_mut(name)
                    && let Some(t) = glossary.get(v.as_str())
                {
                    *v = t.french.clone();
                }
            }
        }
    }
}

impl Localize for super::journal::Entry {
    fn localize(&mut self, glossary: &Glossary) {
        self.before.iter_mut().chain(self.after.iter_mut()).for_each(|v| v.localize(glossary));
    }
}

/// Every shared value the campaign holds (owners, locations, chairs, jurisdictions, units of
/// results), sorted.
pub fn shared_values(plan: &Plan) -> BTreeSet<&str> {
    let owners = plan.agenda.values().map(|a| &a.owner).chain(plan.channels.values().map(|c| &c.owner));
    let owners = owners.chain(plan.materials.values().map(|m| &m.owner)).chain(plan.milestones.values().map(|m| &m.owner));
    let owners = owners.chain(plan.actions.values().map(|a| &a.owner));
    let others = plan.organizations.values().map(|o| &o.jurisdiction).chain(plan.tables.values().map(|t| &t.chair));
    let units = plan.results.values().map(|r| &r.unit);
    owners.chain(others).chain(plan.meetings.values().map(|m| &m.location)).chain(units).filter_map(|v| v.as_deref()).collect()
}

/// The shared values that have no French in the glossary yet, sorted.
pub fn untranslated(plan: &Plan) -> Vec<&str> {
    shared_values(plan).into_iter().filter(|v| !plan.glossary.contains_key(*v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::Milestone;

    fn term(en: &str, fr: &str) -> (String, Term) {
        (en.to_string(), Term { english: en.to_string(), french: fr.to_string() })
    }

    #[test]
    fn values_are_translated_where_the_glossary_has_them() {
        let glossary: Glossary = [term("Secretariat", "Secrétariat")].into_iter().collect();
        assert_eq!(french(&glossary, "Secretariat"), "Secrétariat");
        assert_eq!(french(&glossary, "Co-chairs"), "Co-chairs");
        let mut plan = Plan::default();
        for (key, owner) in [("a", Some("Secretariat")), ("b", Some("Co-chairs")), ("c", None)] {
            let m = Milestone {
                key: key.into(),
                title: key.into(),
                title_fr: None,
                owner: owner.map(String::from),
                due: chrono::NaiveDate::from_ymd_opt(2018, 9, 1).unwrap(),
                duration_days: 0,
                depends_on: Vec::new(),
                progress: Default::default(),
            };
            plan.milestones.insert(key.into(), m);
        }
        plan.glossary = glossary.clone();
        assert_eq!(untranslated(&plan), ["Co-chairs"]);
        plan.localize(&glossary);
        assert_eq!(plan.milestones["a"].owner.as_deref(), Some("Secrétariat"));
        assert_eq!(plan.milestones["b"].owner.as_deref(), Some("Co-chairs"));
        let mut json = serde_json::json!({"owner": "Secretariat", "title": "Secretariat"});
        json.localize(&glossary);
        assert_eq!(json, serde_json::json!({"owner": "Secrétariat", "title": "Secretariat"}));
    }
}
