//! Writing a campaign back as a plan file. The text is deterministic (sections in a fixed order,
//! items sorted by key, fields in the order of DESIGN.md, defaults left out), so that exporting,
//! applying to a fresh store and exporting again gives the same bytes.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::model::change::Item;
use crate::model::plan::{Plan, Progress};
use crate::model::types::{Lang, Status};

/// A TOML basic string, quoted and escaped.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Out(String);

impl Out {
    fn text(&mut self, name: &str, value: &str) {
        let _ = writeln!(self.0, "{name} = {}", quote(value));
    }
    fn opt(&mut self, name: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.text(name, v);
        }
    }
    fn date(&mut self, name: &str, value: Option<NaiveDate>) {
        if let Some(d) = value {
            let _ = writeln!(self.0, "{name} = {d}");
        }
    }
    /// A number as TOML reads it back exactly (`40.0`, `12.5`, `1e20`).
    fn number(&mut self, name: &str, value: f64) {
        let _ = writeln!(self.0, "{name} = {value:?}");
    }
    fn list(&mut self, name: &str, values: &[String]) {
        if !values.is_empty() {
            self.list_always(name, values);
        }
    }
    /// A list written even when empty (`attended = []` records that nobody attended).
    fn list_always(&mut self, name: &str, values: &[String]) {
        let items: Vec<String> = values.iter().map(|v| quote(v)).collect();
        let _ = writeln!(self.0, "{name} = [{}]", items.join(", "));
    }
    fn progress(&mut self, p: &Progress) {
        if p.status != Status::Planned {
            self.text("status", p.status.as_str());
        }
        self.date("done_on", p.done_on);
        self.opt("note", &p.note);
    }
    fn lang(&mut self, lang: Lang, counterpart: &Option<String>) {
        if lang != Lang::Bilingual {
            self.text("lang", lang.as_str());
        }
        self.opt("counterpart", counterpart);
    }
    fn header(&mut self, header: &str) {
        let _ = writeln!(self.0, "\n{header}");
    }
}

/// The plan file for `plan`: every item, family by family in key order (agenda items under
/// their meeting). The match over items is exhaustive: a new kind of item cannot be left out.
pub fn export(plan: &Plan) -> String {
    let mut o = Out(String::from("# Exported by engage: apply with `engage plan apply FILE`.\n"));
    for item in plan.items() {
        match item {
            Item::Campaign(c) => {
                o.header("[campaign]");
                o.text("name", &c.name);
                o.opt("name_fr", &c.name_fr);
                o.date("start", c.start);
                o.date("end", Some(c.end));
                o.list("leads", &c.leads);
            }
            Item::Organization(org) => {
                o.header("[[organization]]");
                o.text("key", &org.key);
                o.text("name", &org.name);
                o.opt("name_fr", &org.name_fr);
                o.text("order", org.order.as_str());
                o.opt("jurisdiction", &org.jurisdiction);
                o.opt("contact", &org.contact);
            }
            Item::Table(t) => {
                o.header("[[table]]");
                o.text("key", &t.key);
                o.text("name", &t.name);
                o.opt("name_fr", &t.name_fr);
                o.text("kind", t.kind.as_str());
                o.list("members", &t.members);
                o.opt("chair", &t.chair);
            }
            Item::Meeting(m) => {
                o.header("[[meeting]]");
                o.text("key", &m.key);
                o.text("table", &m.table);
                o.date("date", m.date);
                o.date("end_date", m.end_date);
                o.opt("location", &m.location);
                if let Some(attended) = &m.attended {
                    o.list_always("attended", attended);
                }
                o.opt("outcome", &m.outcome);
                let start = (m.key.clone(), String::new());
                for item in plan.agenda.range(start..).map(|(_, a)| a).take_while(|a| a.meeting == m.key) {
                    o.header("[[meeting.agenda]]");
                    o.text("key", &item.key);
                    o.text("topic", &item.topic);
                    o.opt("topic_fr", &item.topic_fr);
                    o.opt("owner", &item.owner);
                    o.progress(&item.progress);
                }
            }
            // Written under its meeting.
            Item::AgendaItem(_) => {}
            // Written together, after every item, as the [glossary] table.
            Item::Term(_) => {}
            Item::Channel(c) => {
                o.header("[[channel]]");
                o.text("key", &c.key);
                o.text("name", &c.name);
                o.opt("name_fr", &c.name_fr);
                o.text("kind", c.kind.as_str());
                o.opt("organization", &c.organization);
                o.opt("owner", &c.owner);
                o.date("due", c.due);
                o.progress(&c.progress);
                o.opt("url", &c.url);
                o.lang(c.lang, &c.counterpart);
            }
            Item::Material(m) => {
                o.header("[[material]]");
                o.text("key", &m.key);
                o.text("title", &m.title);
                o.opt("title_fr", &m.title_fr);
                o.text("kind", m.kind.as_str());
                o.opt("owner", &m.owner);
                o.date("due", m.due);
                o.progress(&m.progress);
                o.opt("url", &m.url);
                o.lang(m.lang, &m.counterpart);
            }
            Item::Milestone(m) => {
                o.header("[[milestone]]");
                o.text("key", &m.key);
                o.text("title", &m.title);
                o.opt("title_fr", &m.title_fr);
                o.opt("owner", &m.owner);
                o.date("due", Some(m.due));
                if m.duration_days != 0 {
                    let _ = writeln!(o.0, "duration_days = {}", m.duration_days);
                }
                o.list("depends_on", &m.depends_on);
                o.progress(&m.progress);
            }
            Item::Person(p) => {
                o.header("[[person]]");
                o.text("key", &p.key);
                o.text("name", &p.name);
                o.text("organization", &p.organization);
                o.opt("role", &p.role);
                o.opt("email", &p.email);
                if let Some(l) = p.lang {
                    o.text("lang", l.as_str());
                }
                o.opt("source", &p.source);
                if !p.contact_permitted {
                    let _ = writeln!(o.0, "contact_permitted = false");
                }
                o.date("retain_until", p.retain_until);
            }
            Item::Distribution(d) => {
                o.header("[[distribution]]");
                o.text("material", &d.material);
                o.text("to", &d.to);
                o.opt("via", &d.via);
                o.date("due", d.due);
                o.progress(&d.progress);
                o.date("acknowledged_on", d.acknowledged_on);
            }
            Item::Action(a) => {
                o.header("[[action]]");
                o.text("key", &a.key);
                o.text("title", &a.title);
                o.opt("title_fr", &a.title_fr);
                o.opt("owner", &a.owner);
                o.date("due", a.due);
                o.opt("meeting", &a.meeting);
                o.progress(&a.progress);
            }
            Item::Result(r) => {
                o.header("[[result]]");
                o.text("key", &r.key);
                o.text("title", &r.title);
                o.opt("title_fr", &r.title_fr);
                if let Some(order) = r.order {
                    o.text("order", order.as_str());
                }
                o.number("target", r.target);
                o.opt("unit", &r.unit);
                o.date("due", r.due);
                o.opt("note", &r.note);
                for m in &r.measures {
                    o.header("[[result.measure]]");
                    o.date("on", Some(m.on));
                    o.number("value", m.value);
                    o.opt("note", &m.note);
                }
            }
        }
    }
    if !plan.glossary.is_empty() {
        o.header("[glossary]");
        for t in plan.glossary.values() {
            let _ = writeln!(o.0, "{} = {}", quote(&t.english), quote(&t.french));
        }
    }
    o.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(quote("Présentation «\u{202f}clé\u{202f}»"), "\"Présentation «\u{202f}clé\u{202f}»\"");
        assert_eq!(quote("\u{7}"), "\"\\u0007\"");
    }
}
