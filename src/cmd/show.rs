//! `show` for every family: the item, everything that refers to it, and its journal.

use std::io::Write;

use super::Ctx;
use crate::cli::ShowArgs;
use crate::error::Result;
use crate::i18n::{Text, t};
use crate::model::change::Item;
use crate::model::glossary::Localize;
use crate::model::listing::Listed;
use crate::model::plan::Plan;
use crate::model::schedule::Node;
use crate::model::types::Family;
use crate::render;
use crate::store::{HistoryFilter, Open};

/// `FAMILY show KEY`: the item, everything that refers to it, and its journal.
pub fn show(ctx: &Ctx, family: Family, args: &ShowArgs, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open(Open::ReadOnly)?;
    let plan = store.load_plan()?;
    let as_of = args.as_of.as_of.unwrap_or(ctx.today);
    let key = &args.key;
    let item = plan.item(family, key).ok_or_else(|| store.unknown(family, key))?;
    let key = item.key();
    let listed = |i: Item| Listed::of(i, &plan, as_of);
    let all = |items: Vec<Item>| items.into_iter().filter_map(listed).collect::<Vec<_>>();
    let mut schedule = None;
    let mut measures = Vec::new();
    let related: Vec<(Text, Vec<Listed>)> = match &item {
        Item::Campaign(_) | Item::Term(_) => Vec::new(),
        Item::Organization(_) => vec![
            (t::TABLES_TITLE, all(plan.tables.values().filter(|t| t.members.contains(&key)).cloned().map(Item::Table).collect())),
            (t::PEOPLE_TITLE, all(plan.people.values().filter(|p| p.organization == key).cloned().map(Item::Person).collect())),
            (
                t::DISTRIBUTIONS_TITLE,
                all(plan
                    .distributions
                    .values()
                    .filter(|d| d.to == key || plan.people.get(&d.to).is_some_and(|p| p.organization == key))
                    .cloned()
                    .map(Item::Distribution)
                    .collect()),
            ),
            (
                t::ATTENDED_TITLE,
                all(plan
                    .meetings
                    .values()
                    .filter(|m| m.attended.iter().flatten().any(|o| o == &key))
                    .cloned()
                    .map(Item::Meeting)
                    .collect()),
            ),
            (
                t::CHANNELS_TITLE,
                all(plan.channels.values().filter(|c| c.organization.as_deref() == Some(&key)).cloned().map(Item::Channel).collect()),
            ),
        ],
        Item::Table(t) => vec![
            (t::MEMBERS_TITLE, all(t.members.iter().filter_map(|m| plan.item(Family::Organization, m)).collect())),
            (t::MEETINGS_TITLE, all(plan.meetings.values().filter(|m| m.table == key).cloned().map(Item::Meeting).collect())),
        ],
        Item::Meeting(m) => vec![
            (t::TABLES_TITLE, all(plan.item(Family::Table, &m.table).into_iter().collect())),
            (t::ATTENDED_TITLE_ORGS, all(m.attended.iter().flatten().filter_map(|o| plan.item(Family::Organization, o)).collect())),
            (t::AGENDA_TITLE, all(plan.agenda.values().filter(|a| a.meeting == key).cloned().map(Item::AgendaItem).collect())),
            (
                t::ACTIONS_TITLE,
                all(plan.actions.values().filter(|a| a.meeting.as_deref() == Some(&key)).cloned().map(Item::Action).collect()),
            ),
        ],
        Item::Action(a) => vec![(t::MEETING_OF_TITLE, all(a.meeting.iter().filter_map(|m| plan.item(Family::Meeting, m)).collect()))],
        Item::Result(r) => {
            measures = r.seen(as_of);
            Vec::new()
        }
        Item::AgendaItem(a) => vec![(t::MEETING_OF_TITLE, all(plan.item(Family::Meeting, &a.meeting).into_iter().collect()))],
        Item::Channel(c) => vec![
            (t::ORGANIZATION_TITLE, all(c.organization.iter().filter_map(|o| plan.item(Family::Organization, o)).collect())),
            (t::COUNTERPART_TITLE, all(counterparts(&plan, Family::Channel, &key, c.counterpart.as_deref()))),
        ],
        Item::Material(m) => vec![
            (t::COUNTERPART_TITLE, all(counterparts(&plan, Family::Material, &key, m.counterpart.as_deref()))),
            (
                t::DISTRIBUTIONS_TITLE,
                all(plan.distributions.values().filter(|d| d.material == key).cloned().map(Item::Distribution).collect()),
            ),
        ],
        Item::Person(p) => vec![
            (t::ORGANIZATION_TITLE, all(plan.item(Family::Organization, &p.organization).into_iter().collect())),
            (t::DISTRIBUTIONS_TITLE, all(plan.distributions.values().filter(|d| d.to == key).cloned().map(Item::Distribution).collect())),
        ],
        Item::Distribution(d) => vec![
            (t::MATERIAL_TITLE, all(plan.item(Family::Material, &d.material).into_iter().collect())),
            (
                t::RECIPIENT_TITLE,
                all(plan.item(Family::Organization, &d.to).or_else(|| plan.item(Family::Person, &d.to)).into_iter().collect()),
            ),
        ],
        Item::Milestone(m) => {
            let campaign_end = plan.campaign.as_ref().map(|c| c.end).unwrap_or(m.due);
            let nodes: Vec<Node> = plan
                .milestones
                .values()
                .map(|m| Node {
                    key: m.key.clone(),
                    due: m.due,
                    duration_days: m.duration_days,
                    depends_on: m.depends_on.clone(),
                    status: m.progress.status,
                    done_on: m.progress.done_on,
                })
                .collect();
            schedule = crate::model::schedule::schedule(&nodes, campaign_end, as_of).get(&key).cloned();
            vec![
                (t::DEPENDENCIES_TITLE, all(m.depends_on.iter().filter_map(|d| plan.item(Family::Milestone, d)).collect())),
                (
                    t::DEPENDENTS_TITLE,
                    all(plan.milestones.values().filter(|d| d.depends_on.contains(&key)).cloned().map(Item::Milestone).collect()),
                ),
            ]
        }
    };
    let Some(mut item) = listed(item) else { return Ok(()) };
    let glossary = super::glossary_for(ctx, true, || Ok(plan.glossary.clone()))?;
    item.localize(&glossary);
    let mut related = related;
    for (_, rows) in &mut related {
        rows.localize(&glossary);
    }
    let subject = Some(crate::model::change::Subject::Item(family));
    let mut journal = store.history(&HistoryFilter { item: Some((subject, key)), ..HistoryFilter::default() })?;
    journal.localize(&glossary);
    render::lists::show(out, ctx.style, &render::lists::Shown { item, related, schedule, measures }, &journal)
}

/// The counterparts of the item `key`: the one it names and those that name it.
fn counterparts(plan: &Plan, family: Family, key: &str, named: Option<&str>) -> Vec<Item> {
    let mut keys: Vec<String> = named.map(str::to_string).into_iter().collect();
    keys.extend(
        crate::model::refs::referrers(plan, family, key)
            .into_iter()
            .filter(|r| r.how == crate::model::refs::Link::Counterpart)
            .map(|r| r.key),
    );
    keys.sort();
    keys.dedup();
    keys.iter().filter_map(|k| plan.item(family, k)).collect()
}
