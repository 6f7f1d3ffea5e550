//! Properties of the plan-file library: no input makes `plan::check` panic, and a valid plan
//! survives check → export → check unchanged and byte for byte.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write;

use chrono::NaiveDate;
use common::WORKED;
use engage::model::plan::{AgendaItem, Campaign, Channel, Material, Meeting, Milestone, Organization, Plan, Progress, Table};
use engage::model::types::{ChannelKind, Lang, MaterialKind, Order, Status, TableKind, is_unsafe_char};
use engage::plan::{check, export::export};
use proptest::prelude::*;
use proptest::sample::{Index, select};

fn config() -> ProptestConfig {
    ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() }
}

/// If `text` is accepted on top of `stored`, its export is accepted on the merged plan with no
/// change, and applies to an empty store as the same plan.
fn round_trips(text: &str, stored: &Plan) -> Result<(), TestCaseError> {
    let Ok(checked) = check("input.toml", text, stored, false) else { return Ok(()) };
    let exported = export(&checked.merged);
    let again = check("export.toml", &exported, &checked.merged, false)
        .map_err(|e| TestCaseError::fail(format!("the export is refused: {e:?}\n{exported}")))?;
    prop_assert!(again.changes.is_empty(), "re-checking the export changes {} items:\n{exported}", again.changes.len());
    let fresh = check("export.toml", &exported, &Plan::default(), false)
        .map_err(|e| TestCaseError::fail(format!("the export is refused by an empty store: {e:?}")))?;
    prop_assert_eq!(&fresh.merged, &checked.merged);
    prop_assert_eq!(export(&fresh.merged), exported);
    Ok(())
}

/// One edit of a byte string.
#[derive(Debug, Clone)]
enum Edit {
    Replace(Index, u8),
    Insert(Index, u8),
    Delete(Index),
    /// Copies a slice of the text over another place (duplicating a line, a key, a section).
    Splice(Index, Index, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let byte = prop_oneof![any::<u8>(), select(b"[]{}=\"'\\,.#\n -0123456789abcdeftrunl".to_vec())];
    prop_oneof![
        (any::<Index>(), byte.clone()).prop_map(|(i, b)| Edit::Replace(i, b)),
        (any::<Index>(), byte).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<Index>().prop_map(Edit::Delete),
        (any::<Index>(), any::<Index>(), 1usize..80).prop_map(|(a, b, n)| Edit::Splice(a, b, n)),
    ]
}

fn apply_edit(bytes: &mut Vec<u8>, edit: &Edit) {
    let len = bytes.len();
    if len == 0 {
        return;
    }
    match edit {
        Edit::Replace(i, b) => bytes[i.index(len)] = *b,
        Edit::Insert(i, b) => bytes.insert(i.index(len + 1), *b),
        Edit::Delete(i) => drop(bytes.remove(i.index(len))),
        Edit::Splice(from, to, n) => {
            let from = from.index(len);
            let piece = bytes[from..(from + n).min(len)].to_vec();
            let to = to.index(len + 1);
            bytes.splice(to..to, piece);
        }
    }
}

fn worked_plan() -> Plan {
    check("worked.toml", WORKED, &Plan::default(), false).expect("the worked example").merged
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in prop_oneof![any::<String>(), "[\\[\\]a-z_.=\"' \n0-9{},#-]{0,300}"]) {
        let _ = check("fuzz.toml", &text, &Plan::default(), false);
        let _ = check("fuzz.toml", &text, &worked_plan(), true);
        round_trips(&text, &Plan::default())?;
    }

    #[test]
    fn a_mutated_plan_never_panics(edits in prop::collection::vec(edit(), 1..8)) {
        let mut bytes = WORKED.as_bytes().to_vec();
        for e in &edits {
            apply_edit(&mut bytes, e);
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = check("mutated.toml", &text, &worked_plan(), true);
        round_trips(&text, &Plan::default())?;
        round_trips(&text, &worked_plan())?;
    }
}

// ---- Random valid plans ----

fn key() -> impl Strategy<Value = String> {
    prop_oneof![9 => "[a-z0-9._-]{1,12}", 1 => "[a-z0-9]{64}"]
}

/// `s` without the characters a single-line field refuses (control characters, separators,
/// bidi controls).
fn one_line(s: String) -> String {
    s.chars().filter(|c| !is_unsafe_char(*c)).collect()
}

/// Any text that is not blank and fits on one line: plain, French, quotes and escapes, or any
/// Unicode at all (control characters are refused at input: `tests/safety.rs`).
fn text() -> impl Strategy<Value = String> {
    prop_oneof!["[A-Za-z0-9 ]{1,20}", "[a-zA-Zéèàç«»’'\"\\\\ -]{1,20}", any::<String>().prop_map(one_line)]
        .prop_map(|s| if s.trim().is_empty() { format!("x{s}") } else { s })
}

/// Optional text on one line, blank allowed.
fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof!["[A-Za-z ]{0,12}", any::<String>().prop_map(one_line)])
}

/// An optional note: it may run over several lines and hold tabs.
fn opt_note() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        "[A-Za-z \t\n]{0,12}",
        any::<String>().prop_map(|s| s.chars().filter(|c| !is_unsafe_char(*c) || matches!(c, '\n' | '\t')).collect())
    ])
}

/// A date in the years engage accepts (1900 to 9998), a few days short of the last so that a
/// meeting's end date stays in range too.
fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        4 => (700_000i32..800_000).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
        1 => (693_596i32..=3_650_598).prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap()),
    ]
}

/// The last date engage accepts.
fn last_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(9998, 12, 31).unwrap()
}

fn progress() -> impl Strategy<Value = Progress> {
    (select(Status::ALL.to_vec()), date(), opt_note()).prop_map(|(status, on, note)| Progress {
        status,
        done_on: (status == Status::Done).then_some(on),
        note,
    })
}

fn url() -> impl Strategy<Value = Option<String>> {
    prop::option::of("https?://[a-z]{1,10}\\.[a-z]{2,3}(/[a-zA-Z0-9._~%-]{0,10}){0,3}")
}

/// A selection from a list that is only known later: an index and a bit mask.
type Pick = (Index, u64);

fn pick_one(p: &Pick, keys: &[String]) -> Option<String> {
    (!keys.is_empty()).then(|| keys[p.0.index(keys.len())].clone())
}

fn pick_some(p: &Pick, keys: &[String]) -> Vec<String> {
    let mut some: Vec<String> = keys.iter().enumerate().filter(|(i, _)| p.1 >> (i % 64) & 1 == 1).map(|(_, k)| k.clone()).collect();
    some.sort();
    some
}

prop_compose! {
    fn campaign()(name in text(), name_fr in opt_text(), start in prop::option::of(date()), end in date(),
                  span in 0i64..1000, leads in prop::collection::vec(text(), 0..3)) -> Campaign {
        let end = start.map_or(end, |s| (s + chrono::Days::new(span as u64)).min(last_date()));
        Campaign { name, name_fr, start, end, leads }
    }
}

prop_compose! {
    fn organization()(key in key(), name in text(), name_fr in opt_text(), order in select(Order::ALL.to_vec()),
                      jurisdiction in opt_text(), contact in opt_text()) -> Organization {
        Organization { key, name, name_fr, order, jurisdiction, contact }
    }
}

prop_compose! {
    fn table()(key in key(), name in text(), name_fr in opt_text(), kind in select(TableKind::ALL.to_vec()),
               chair in opt_text(), pick in any::<Pick>()) -> (Table, Pick) {
        (Table { key, name, name_fr, kind, members: vec![], chair }, pick)
    }
}

prop_compose! {
    fn agenda()(key in key(), topic in text(), topic_fr in opt_text(), owner in opt_text(), progress in progress()) -> AgendaItem {
        AgendaItem { meeting: String::new(), key, topic, topic_fr, owner, progress }
    }
}

prop_compose! {
    fn meeting()(key in key(), date in date(), days in prop::option::of(0u64..5), location in opt_text(),
                 pick in any::<Pick>(), agenda in prop::collection::vec(agenda(), 0..4)) -> (Meeting, Pick, Vec<AgendaItem>) {
        let end_date = days.map(|d| date + chrono::Days::new(d));
        (Meeting { key, table: String::new(), date: Some(date), end_date, location, attended: None, outcome: None }, pick, agenda)
    }
}

prop_compose! {
    fn channel()(key in key(), name in text(), name_fr in opt_text(), kind in select(ChannelKind::ALL.to_vec()),
                 owner in opt_text(), due in prop::option::of(date()), progress in progress(), url in url(),
                 lang in select(Lang::ALL.to_vec()), pick in any::<Pick>()) -> (Channel, Pick) {
        (Channel { key, name, name_fr, kind, organization: None, owner, due, progress, url, lang, counterpart: None }, pick)
    }
}

prop_compose! {
    fn material()(key in key(), title in text(), title_fr in opt_text(), kind in select(MaterialKind::ALL.to_vec()),
                  owner in opt_text(), due in prop::option::of(date()), progress in progress(), url in url(),
                  lang in select(Lang::ALL.to_vec()), pick in any::<Pick>()) -> (Material, Pick) {
        (Material { key, title, title_fr, kind, owner, due, progress, url, lang, counterpart: None }, pick)
    }
}

prop_compose! {
    fn milestone()(key in key(), title in text(), title_fr in opt_text(), owner in opt_text(), due in date(),
                   duration_days in prop_oneof![0i64..30, 0i64..=36500], progress in progress(), pick in any::<Pick>()) -> (Milestone, Pick) {
        (Milestone { key, title, title_fr, owner, due, duration_days, depends_on: vec![], progress }, pick)
    }
}

/// The counterpart a `pick` chooses among `earlier` items of the other language that are in no
/// pair yet, if any; the two are then taken out of `earlier` (a counterpart pairs up).
fn counterpart(key: &str, lang: Lang, pick: &Pick, earlier: &mut Vec<(String, Lang)>) -> Option<String> {
    let other: Vec<String> = earlier.iter().filter(|(_, l)| *l != lang && *l != Lang::Bilingual).map(|(k, _)| k.clone()).collect();
    let chosen = (lang != Lang::Bilingual && pick.1 & 1 == 1).then(|| pick_one(pick, &other)).flatten();
    match &chosen {
        Some(c) => earlier.retain(|(k, _)| k != c),
        None => earlier.push((key.to_string(), lang)),
    }
    chosen
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        campaign(),
        prop::collection::vec(organization(), 0..5),
        prop::collection::vec(table(), 0..4),
        prop::collection::vec(meeting(), 0..4),
        prop::collection::vec(channel(), 0..5),
        prop::collection::vec(material(), 0..5),
        prop::collection::vec(milestone(), 0..10),
    )
        .prop_map(|(campaign, orgs, tables, meetings, channels, materials, milestones)| {
            let mut plan = Plan { campaign: Some(campaign), ..Plan::default() };
            for o in orgs {
                plan.organizations.entry(o.key.clone()).or_insert(o);
            }
            let org_keys: Vec<String> = plan.organizations.keys().cloned().collect();
            for (mut t, pick) in tables {
                t.members = pick_some(&pick, &org_keys);
                plan.tables.entry(t.key.clone()).or_insert(t);
            }
            let table_keys: Vec<String> = plan.tables.keys().cloned().collect();
            for (mut m, pick, agenda) in meetings {
                let Some(table) = pick_one(&pick, &table_keys) else { break };
                if plan.meetings.contains_key(&m.key) {
                    continue;
                }
                m.table = table;
                for mut a in agenda {
                    a.meeting = m.key.clone();
                    plan.agenda.entry((m.key.clone(), a.key.clone())).or_insert(a);
                }
                plan.meetings.insert(m.key.clone(), m);
            }
            let mut earlier = Vec::new();
            for (mut c, pick) in channels {
                if plan.channels.contains_key(&c.key) {
                    continue;
                }
                c.organization = if pick.1 & 2 == 2 { pick_one(&pick, &org_keys) } else { None };
                c.counterpart = counterpart(&c.key, c.lang, &pick, &mut earlier);
                plan.channels.insert(c.key.clone(), c);
            }
            earlier.clear();
            for (mut m, pick) in materials {
                if plan.materials.contains_key(&m.key) {
                    continue;
                }
                m.counterpart = counterpart(&m.key, m.lang, &pick, &mut earlier);
                plan.materials.insert(m.key.clone(), m);
            }
            // Each milestone depends only on milestones listed before it: no cycle.
            let mut earlier: Vec<String> = Vec::new();
            for (mut m, pick) in milestones {
                if plan.milestones.contains_key(&m.key) {
                    continue;
                }
                m.depends_on = pick_some(&pick, &earlier);
                earlier.push(m.key.clone());
                plan.milestones.insert(m.key.clone(), m);
            }
            plan
        })
}

/// How a generated plan is written: the same plan, in different but equivalent TOML.
#[derive(Debug, Clone, Copy)]
struct Style {
    /// Dates as `"YYYY-MM-DD"` strings rather than TOML dates.
    string_dates: bool,
    /// Defaults written out (`status = "planned"`, `lang = "bilingual"`, `depends_on = []`, …).
    defaults: bool,
    /// Literal `'…'` strings where TOML allows them.
    literal: bool,
    /// Sections, items and fields in reverse order.
    reverse: bool,
}

fn quote(s: &str, style: Style) -> String {
    if style.literal && !s.chars().any(|c| c == '\'' || c.is_control()) {
        return format!("'{s}'");
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => write!(out, "\\u{:04X}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const DATES: &[&str] = &["start", "end", "date", "end_date", "due", "done_on"];

/// Writes one TOML table from an item's serde form (field names as in a plan file), leaving out
/// what is absent, `skip`, and (unless the style says otherwise) the defaults.
fn item(header: &str, item: &impl serde::Serialize, kind: &str, skip: &[&str], style: Style) -> String {
    let serde_json::Value::Object(fields) = serde_json::to_value(item).unwrap() else { panic!("not an object") };
    let mut out = String::new();
    let mut fields: Vec<_> = fields.into_iter().filter(|(name, v)| !v.is_null() && !skip.contains(&name.as_str())).collect();
    if style.reverse {
        fields.reverse();
    }
    writeln!(out, "\n{header}").unwrap();
    for (name, value) in fields {
        let default = matches!((name.as_str(), &value), ("status", v) if v == "planned")
            || matches!((name.as_str(), &value), ("lang", v) if v == "bilingual")
            || (name == "kind" && value == kind)
            || (name == "duration_days" && value == 0)
            || value.as_array().is_some_and(|a| a.is_empty());
        if default && !style.defaults {
            continue;
        }
        let text = match &value {
            serde_json::Value::String(s) if DATES.contains(&name.as_str()) && !style.string_dates => s.clone(),
            serde_json::Value::String(s) => quote(s, style),
            serde_json::Value::Array(items) => {
                let items: Vec<String> = items.iter().map(|i| quote(i.as_str().unwrap(), style)).collect();
                format!("[{}]", items.join(", "))
            }
            other => other.to_string(),
        };
        writeln!(out, "{name} = {text}").unwrap();
    }
    out
}

fn to_toml(plan: &Plan, style: Style) -> String {
    let ordered = |mut v: Vec<String>| {
        if style.reverse {
            v.reverse();
        }
        v.concat()
    };
    fn all<'a, T: serde::Serialize + 'a>(items: impl Iterator<Item = &'a T>, header: &str, kind: &str, style: Style) -> Vec<String> {
        items.map(|i| item(header, i, kind, &[], style)).collect()
    }
    let meetings = plan.meetings.values().map(|m| {
        let agenda = plan.agenda.values().filter(|a| a.meeting == m.key);
        item("[[meeting]]", m, "", &[], style) + &ordered(agenda.map(|a| item("[[meeting.agenda]]", a, "", &["meeting"], style)).collect())
    });
    let sections = vec![
        ordered(all(plan.organizations.values(), "[[organization]]", "", style)),
        ordered(all(plan.tables.values(), "[[table]]", "table", style)),
        ordered(meetings.collect()),
        ordered(all(plan.channels.values(), "[[channel]]", "other", style)),
        ordered(all(plan.materials.values(), "[[material]]", "other", style)),
        ordered(all(plan.milestones.values(), "[[milestone]]", "", style)),
    ];
    let campaign = item("[campaign]", plan.campaign.as_ref().unwrap(), "", &[], style);
    format!("# generated\n{campaign}{}", ordered(sections))
}

fn style() -> impl Strategy<Value = Style> {
    any::<[bool; 4]>().prop_map(|[string_dates, defaults, literal, reverse]| Style { string_dates, defaults, literal, reverse })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_valid_plan_round_trips_exactly(plan in plan(), style in style()) {
        let text = to_toml(&plan, style);
        let checked = check("generated.toml", &text, &Plan::default(), false)
            .map_err(|e| TestCaseError::fail(format!("a valid plan is refused: {e:#?}\n{text}")))?;
        prop_assert_eq!(&checked.merged, &plan, "the plan read is not the plan written:\n{}", text);
        prop_assert_eq!(checked.changes.len(), plan.len() + 1);
        // Idempotent, and exact: the export changes nothing and reads back as the same bytes.
        round_trips(&text, &Plan::default())?;
    }
}

/// The generator of valid plans makes every kind of link and progress, not only empty plans.
#[test]
fn generated_plans_are_varied() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut seen = [0usize; 5];
    for _ in 0..64 {
        let p = plan().new_tree(&mut runner).unwrap().current();
        let counts = [
            p.agenda.len(),
            p.milestones.values().map(|m| m.depends_on.len()).sum(),
            p.channels.values().filter(|c| c.counterpart.is_some()).count()
                + p.materials.values().filter(|m| m.counterpart.is_some()).count(),
            p.milestones.values().filter(|m| m.progress.status == Status::Done).count(),
            p.tables.values().map(|t| t.members.len()).sum(),
        ];
        seen.iter_mut().zip(counts).for_each(|(s, c)| *s += c);
    }
    assert!(seen.iter().all(|&n| n > 0), "agenda, dependencies, counterparts, done, members: {seen:?}");
}

// ---- A file decided against a stored campaign handed over in parts ----

/// `map` cut in two at `cut` (modulo its length + 1).
fn halves<K: Ord + Clone, T: Clone>(map: &BTreeMap<K, T>, cut: usize) -> [BTreeMap<K, T>; 2] {
    let at = cut % (map.len() + 1);
    let first = map.iter().take(at).map(|(k, v)| (k.clone(), v.clone())).collect();
    let rest = map.iter().skip(at).map(|(k, v)| (k.clone(), v.clone())).collect();
    [first, rest]
}

/// `plan` in parts as a store may hand it over: the campaign alone, then each kind of item in
/// two parts (cut at `cut`), the glossary last.
fn in_parts(plan: &Plan, cut: usize) -> Vec<Plan> {
    let mut parts = vec![Plan { campaign: plan.campaign.clone(), ..Plan::default() }];
    parts.extend(halves(&plan.organizations, cut).map(|organizations| Plan { organizations, ..Plan::default() }));
    parts.extend(halves(&plan.tables, cut).map(|tables| Plan { tables, ..Plan::default() }));
    parts.extend(halves(&plan.meetings, cut).map(|meetings| Plan { meetings, ..Plan::default() }));
    parts.extend(halves(&plan.agenda, cut).map(|agenda| Plan { agenda, ..Plan::default() }));
    parts.extend(halves(&plan.channels, cut).map(|channels| Plan { channels, ..Plan::default() }));
    parts.extend(halves(&plan.materials, cut).map(|materials| Plan { materials, ..Plan::default() }));
    parts.extend(halves(&plan.milestones, cut).map(|milestones| Plan { milestones, ..Plan::default() }));
    parts.push(Plan { glossary: plan.glossary.clone(), ..Plan::default() });
    parts
}

/// The items of `from` that `keep` picks (cycling), added to `into`.
fn keep_some<K: Ord + Clone, T: Clone>(from: &BTreeMap<K, T>, into: &mut BTreeMap<K, T>, keep: &[bool]) {
    for (i, (k, v)) in from.iter().enumerate() {
        if keep.is_empty() || keep[i % keep.len()] {
            into.insert(k.clone(), v.clone());
        }
    }
}

proptest! {
    #![proptest_config(config())]

    /// Deciding a file against a stored campaign handed over in parts (as `plan apply` reads a
    /// store) changes exactly what checking it against the campaign held whole changes, and
    /// finds the same problems: a file made of stored items (some renamed) and new ones.
    #[test]
    fn a_file_decided_against_stored_parts_changes_what_it_would_against_the_whole(
        stored in plan(),
        new in plan(),
        keep in prop::collection::vec(any::<bool>(), 0..6),
        cut in any::<usize>(),
        prune in any::<bool>(),
        style in style(),
    ) {
        let mut file = new;
        keep_some(&stored.organizations, &mut file.organizations, &keep);
        keep_some(&stored.tables, &mut file.tables, &keep);
        keep_some(&stored.meetings, &mut file.meetings, &keep);
        keep_some(&stored.agenda, &mut file.agenda, &keep);
        keep_some(&stored.channels, &mut file.channels, &keep);
        keep_some(&stored.materials, &mut file.materials, &keep);
        keep_some(&stored.milestones, &mut file.milestones, &keep);
        for (i, o) in file.organizations.values_mut().enumerate() {
            if i % 3 == 0 {
                o.name.push_str(" 2");
            }
        }
        let text = to_toml(&file, style);
        let whole = check("file.toml", &text, &stored, prune).map(|c| c.changes);
        let in_parts = engage::plan::decide("file.toml", &text, prune, |merger| {
            for part in in_parts(&stored, cut) {
                merger.stored(part);
            }
            Ok::<(), std::convert::Infallible>(())
        });
        let Ok(in_parts) = in_parts;
        let in_parts = in_parts.map(|decided| {
            let mut changes = Vec::new();
            let Ok(()) = decided.changes(&mut |c| {
                changes.push(c);
                Ok::<(), std::convert::Infallible>(())
            });
            changes
        });
        prop_assert_eq!(in_parts, whole, "{}", text);
    }
}
