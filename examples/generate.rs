//! A deterministic generator of synthetic campaigns, for benchmarks.
//!
//! ```text
//! cargo run --release --example generate -- N SEED > plan.toml
//! ```
//!
//! Writes a plan file (DESIGN.md, "Plan file") of about N items dated from 2027-01-01 to
//! 2028-12-31: ~5% organizations (every order of government), ~1% tables of 3–20 members, ~8%
//! meetings with 2–4 agenda items each (~24% agenda items), ~15% channels, ~15% materials (half of
//! them in en/fr counterpart pairs), and the rest (~32%) milestones. Each milestone depends on 0–3
//! earlier ones (smaller index, so never a cycle), most often on the previous milestone of its
//! workstream, so that chains are long and several chains fan in. Statuses follow the dates as
//! seen on 2027-12-01: mostly done before, mostly planned after. The same N and SEED always give
//! the same bytes. Optional fields are often left out so that 100 000 items stay a few MiB.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

use chrono::{Duration, NaiveDate};

/// xorshift64*, seeded through splitmix64 so that every seed (0 included) gives a good state.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Rng(if z == 0 { 0x2545_F491_4F6C_DD1D } else { z })
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next() >> 11) * u128::from(n)) >> 53) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len() as u64) as usize]
    }
}

const FIRST_DAY: (i32, u32, u32) = (2027, 1, 1);
/// 2027-01-01 … 2028-12-31 (2028 is a leap year).
const DAYS: i64 = 731;
/// The as-of date the benchmark uses: statuses are realistic as seen from it.
const AS_OF_DAY: i64 = 334; // 2027-12-01

const ORDERS: &[&str] = &["federal", "provincial", "territorial", "indigenous", "municipal", "other"];
const TABLE_KINDS: &[&str] = &["table", "committee", "council", "symposium", "network", "other"];
const CHANNEL_KINDS: &[&str] = &["website", "newsletter", "magazine", "email", "social", "event", "other"];
const MATERIAL_KINDS: &[&str] = &["email", "key_messages", "presentation", "talking_points", "plan", "other"];

const PLACES: &[&str] = &[
    "Ottawa",
    "Québec",
    "Montréal",
    "Toronto",
    "Winnipeg",
    "Régina",
    "Edmonton",
    "Victoria",
    "Halifax",
    "Fredericton",
    "Charlottetown",
    "St. John's",
    "Whitehorse",
    "Yellowknife",
    "Iqaluit",
    "Trois-Rivières",
    "Gatineau",
    "Sept-Îles",
];
const OWNERS: &[&str] = &[
    "Secrétariat",
    "Coprésidents",
    "Co-chairs",
    "Working group",
    "Groupe de travail",
    "Équipe des communications",
    "ESDC communications",
    "Anne O'Brien",
    "François Bélanger",
    "Hélène Côté",
    "Zoë \"Z\" Tremblay",
    "Joël Gagné",
    "Policy unit",
    "Direction générale des services",
];
const SUBJECTS: &[&str] = &[
    "Guide des partenariats de service",
    "Service Partnerships Guide",
    "Stratégie de mobilisation",
    "Engagement strategy",
    "Réseau de prestation de services",
    "Service network collaboration",
    "Comités FPTM",
    "Tableau des greffiers",
    "Colloque national",
    "Intersection d'EDSC",
    "Plan d'action « Service d'abord »",
    "The \"Tell Us Once\" pilot",
    "Données ouvertes et vie privée",
    "Guichet unique — phase 2",
    "Municipalités et régions éloignées",
    "Premières Nations, Inuits et Métis",
    "Annexe E \\ chemin critique",
];
const ACTIONS: &[&str] = &[
    "Présentation",
    "Briefing",
    "Mise à jour",
    "Update",
    "Consultation",
    "Rapport d'étape",
    "Progress report",
    "Décision",
    "Approbation",
    "Sign-off",
    "Ébauche",
    "Draft",
    "Révision",
    "Lancement",
];

/// `s` as a TOML basic string, quotes included.
fn quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn field_str(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push_str(" = ");
    quoted(out, value);
    out.push('\n');
}

fn field_date(out: &mut String, name: &str, day: i64) {
    let _ = writeln!(out, "{name} = {}", date(day));
}

fn date(day: i64) -> NaiveDate {
    let (y, m, d) = FIRST_DAY;
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date") + Duration::days(day)
}

/// A title from the word lists, sometimes with quotes or « guillemets ».
fn title(rng: &mut Rng, n: usize) -> String {
    let action = rng.pick(ACTIONS);
    let subject = rng.pick(SUBJECTS);
    match rng.below(10) {
        0 => format!("{action} « {subject} » nº {n}"),
        1 => format!("{action}: \"{subject}\" #{n}"),
        2 => format!("{action} — {subject} (lot {n}, « prioritaire »)"),
        _ => format!("{action} — {subject} {n}"),
    }
}

/// A recorded status and `done_on` for an item dated `day` (or undated), realistic as seen on
/// 2027-12-01: before it mostly done (some late), after it mostly planned.
fn progress(rng: &mut Rng, day: Option<i64>, out: &mut String) {
    let past = day.is_none_or(|d| d < AS_OF_DAY);
    let roll = rng.below(100);
    // (done, in_progress, blocked, deferred, cancelled) thresholds; the rest is planned.
    let thresholds: [u64; 5] = if past { [60, 70, 78, 83, 87] } else { [5, 17, 21, 25, 28] };
    let status = match thresholds.iter().position(|t| roll < *t) {
        Some(0) => "done",
        Some(1) => "in_progress",
        Some(2) => "blocked",
        Some(3) => "deferred",
        Some(4) => "cancelled",
        _ => return, // planned: the default, left out
    };
    field_str(out, "status", status);
    if status == "done" {
        let base = day.unwrap_or_else(|| rng.range(0, AS_OF_DAY - 1));
        let offset = if rng.chance(25) { rng.range(1, 30) } else { rng.range(-7, 0) };
        field_date(out, "done_on", (base + offset).clamp(-30, DAYS + 60));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: generate N SEED > plan.toml";
    let (Some(n), Some(seed)) = (args.first().and_then(|a| a.parse::<usize>().ok()), args.get(1).and_then(|a| a.parse::<u64>().ok()))
    else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    if args.len() != 2 || n == 0 {
        eprintln!("{usage}");
        std::process::exit(2);
    }
    let stdout = io::stdout();
    let mut w = BufWriter::with_capacity(1 << 20, stdout.lock());
    if let Err(e) = generate(n, seed, &mut w).and_then(|()| w.flush()) {
        eprintln!("generate: {e}");
        std::process::exit(1);
    }
}

fn generate(n: usize, seed: u64, w: &mut impl Write) -> io::Result<()> {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(1 << 16);
    let pct = |p: usize, min: usize| (n * p / 100).max(min);
    let orgs = pct(5, ORDERS.len());
    let tables = pct(1, 1);
    let meetings = pct(8, 1);
    let channels = pct(15, 1);
    let materials = pct(15, 2);

    let _ = writeln!(out, "# Synthetic campaign: N = {n}, seed = {seed} (examples/generate.rs).\n");
    out.push_str("[campaign]\n");
    field_str(&mut out, "name", &format!("Synthetic campaign {n}/{seed} — « Guide des partenariats »"));
    field_str(&mut out, "name_fr", &format!("Campagne synthétique {n}/{seed} — « Guide des partenariats »"));
    field_date(&mut out, "start", 0);
    field_date(&mut out, "end", DAYS - 1);
    out.push_str("leads = [\"Coprésidents\", \"Working group \\\"WG\\\"\"]\n");

    // Organizations: the first six cover every order, the rest at random.
    for i in 0..orgs {
        let order = ORDERS.get(i).copied().unwrap_or_else(|| rng.pick(ORDERS));
        let _ = writeln!(out, "\n[[organization]]\nkey = \"org-{i:05}\"");
        let place = rng.pick(PLACES);
        field_str(&mut out, "name", &format!("Service {place} {i}"));
        if rng.chance(30) {
            field_str(&mut out, "name_fr", &format!("Services de {place} nº {i}"));
        }
        field_str(&mut out, "order", order);
        if rng.chance(20) {
            field_str(&mut out, "jurisdiction", place);
        }
        flush(w, &mut out)?;
    }

    // Tables of 3–20 distinct members.
    for i in 0..tables {
        let _ = writeln!(out, "\n[[table]]\nkey = \"tb-{i:04}\"");
        field_str(&mut out, "name", &format!("Table « {} » {i}", rng.pick(SUBJECTS)));
        field_str(&mut out, "kind", rng.pick(TABLE_KINDS));
        let want = (rng.range(3, 20) as usize).min(orgs);
        let mut members: Vec<usize> = Vec::with_capacity(want);
        while members.len() < want {
            let m = rng.below(orgs as u64) as usize;
            if !members.contains(&m) {
                members.push(m);
            }
        }
        members.sort_unstable();
        out.push_str("members = [");
        for (j, m) in members.iter().enumerate() {
            let _ = write!(out, "{}\"org-{m:05}\"", if j == 0 { "" } else { ", " });
        }
        out.push_str("]\n");
        if rng.chance(40) {
            field_str(&mut out, "chair", rng.pick(OWNERS));
        }
        flush(w, &mut out)?;
    }

    // Meetings with 2–4 agenda items each.
    let mut agenda_items = 0;
    for i in 0..meetings {
        let day = rng.range(0, DAYS - 1);
        let _ = writeln!(out, "\n[[meeting]]\nkey = \"mtg-{i:06}\"\ntable = \"tb-{:04}\"", rng.below(tables as u64));
        field_date(&mut out, "date", day);
        if rng.chance(5) {
            field_date(&mut out, "end_date", (day + rng.range(1, 2)).min(DAYS - 1));
        }
        if rng.chance(15) {
            field_str(&mut out, "location", rng.pick(PLACES));
        }
        for a in 0..rng.range(2, 4) {
            agenda_items += 1;
            let _ = writeln!(out, "[[meeting.agenda]]\nkey = \"a{a}\"");
            field_str(&mut out, "topic", &title(&mut rng, agenda_items));
            if rng.chance(40) {
                field_str(&mut out, "owner", rng.pick(OWNERS));
            }
            progress(&mut rng, Some(day), &mut out);
        }
        flush(w, &mut out)?;
    }

    // Channels: one in ten in an en/fr pair.
    let mut i = 0;
    while i < channels {
        let pair = i + 1 < channels && rng.chance(10);
        let day = if rng.chance(92) { Some(rng.range(0, DAYS - 1)) } else { None };
        let org = if rng.chance(60) { Some(rng.below(orgs as u64)) } else { None };
        let kind = rng.pick(CHANNEL_KINDS);
        for (j, lang) in if pair { [Some("en"), Some("fr")].as_slice() } else { [None].as_slice() }.iter().enumerate() {
            let k = i + j;
            let _ = writeln!(out, "\n[[channel]]\nkey = \"ch-{k:06}\"");
            field_str(
                &mut out,
                "name",
                &format!("{} « {} » {k}", if *lang == Some("fr") { "Site Web" } else { "Website" }, rng.pick(SUBJECTS)),
            );
            let _ = writeln!(out, "kind = \"{kind}\"");
            if let Some(o) = org {
                let _ = writeln!(out, "organization = \"org-{o:05}\"");
            }
            if rng.chance(30) {
                field_str(&mut out, "owner", rng.pick(OWNERS));
            }
            if let Some(d) = day {
                field_date(&mut out, "due", d);
            }
            progress(&mut rng, day, &mut out);
            if rng.chance(20) {
                let _ = writeln!(out, "url = \"https://example.gc.ca/c/{k}\"");
            }
            if let Some(l) = lang {
                let other = if j == 0 { k + 1 } else { k - 1 };
                let _ = writeln!(out, "lang = \"{l}\"\ncounterpart = \"ch-{other:06}\"");
            }
        }
        i += if pair { 2 } else { 1 };
        flush(w, &mut out)?;
    }

    // Materials: half of them in en/fr pairs (a pair is two materials, so a quarter of the draws).
    let mut i = 0;
    while i < materials {
        let pair = i + 1 < materials && rng.chance(34);
        let day = if rng.chance(95) { Some(rng.range(0, DAYS - 1)) } else { None };
        let kind = rng.pick(MATERIAL_KINDS);
        let base = title(&mut rng, i);
        let owner = if rng.chance(50) { Some(rng.pick(OWNERS)) } else { None };
        for (j, lang) in if pair { [Some("en"), Some("fr")].as_slice() } else { [None].as_slice() }.iter().enumerate() {
            let k = i + j;
            let _ = writeln!(out, "\n[[material]]\nkey = \"mt-{k:06}\"");
            match lang {
                Some("en") => field_str(&mut out, "title", &format!("{base} (English)")),
                Some(_) => field_str(&mut out, "title", &format!("{base} (version française)")),
                None => field_str(&mut out, "title", &base),
            }
            let _ = writeln!(out, "kind = \"{kind}\"");
            if let Some(o) = owner {
                field_str(&mut out, "owner", o);
            }
            if let Some(d) = day {
                field_date(&mut out, "due", d);
            }
            progress(&mut rng, day, &mut out);
            if let Some(l) = lang {
                let other = if j == 0 { k + 1 } else { k - 1 };
                let _ = writeln!(out, "lang = \"{l}\"\ncounterpart = \"mt-{other:06}\"");
            }
        }
        i += if pair { 2 } else { 1 };
        flush(w, &mut out)?;
    }

    // Milestones: the rest. Workstreams of ~2000 milestones each run through the two years;
    // a milestone mostly depends on the previous one of its workstream (long chains) and
    // sometimes on up to two other recent milestones or a gate of another stream (fan-in).
    let used = orgs + tables + meetings + agenda_items + channels + materials;
    let count = n.saturating_sub(used).max(1);
    let streams = (count / 2000).max(1);
    let mut dues: Vec<i64> = Vec::with_capacity(count);
    for i in 0..count {
        let jitter = if rng.chance(5) { rng.range(-10, 10) } else { 0 };
        let due = ((i as i64 * DAYS) / count as i64 + jitter).clamp(0, DAYS - 1);
        dues.push(due);
        let _ = writeln!(out, "\n[[milestone]]\nkey = \"ms-{i:06}\"");
        field_str(&mut out, "title", &title(&mut rng, i));
        if rng.chance(35) {
            field_str(&mut out, "owner", rng.pick(OWNERS));
        }
        field_date(&mut out, "due", due);
        let mut deps: Vec<usize> = Vec::with_capacity(3);
        let want = match rng.below(100) {
            0..3 => 0,
            3..50 => 1,
            50..82 => 2,
            _ => 3,
        };
        let previous = (want > 0 && i >= streams && rng.chance(97)).then(|| i - streams);
        deps.extend(previous);
        // The work after the previous milestone: often exactly the gap between their due dates
        // (a tight link, so that the critical path runs along the chain), sometimes a little
        // more or less.
        let gap = previous.map_or(0, |p| due - dues[p]);
        let duration = match rng.below(100) {
            0..95 if (0..=14).contains(&gap) => gap,
            95..98 => rng.range(1, 3),
            _ => 0,
        };
        if duration > 0 {
            let _ = writeln!(out, "duration_days = {duration}");
        }
        let mut tries = 0;
        while deps.len() < want.min(i) && tries < 8 {
            tries += 1;
            let d = if rng.chance(80) {
                // A recent milestone, due up to a couple of weeks before: fan-in.
                i - 1 - rng.below((i as u64).min(40 * streams as u64 + 1)) as usize
            } else {
                // A gate: every 100th milestone, anywhere earlier.
                let gates = i.div_ceil(100);
                rng.below(gates as u64) as usize * 100
            };
            if d < i && !deps.contains(&d) {
                deps.push(d);
            }
        }
        if !deps.is_empty() {
            deps.sort_unstable();
            out.push_str("depends_on = [");
            for (j, d) in deps.iter().enumerate() {
                let _ = write!(out, "{}\"ms-{d:06}\"", if j == 0 { "" } else { ", " });
            }
            out.push_str("]\n");
        }
        progress(&mut rng, Some(due), &mut out);
        flush(w, &mut out)?;
    }
    w.write_all(out.as_bytes())
}

fn flush(w: &mut impl Write, out: &mut String) -> io::Result<()> {
    if out.len() >= 1 << 15 {
        w.write_all(out.as_bytes())?;
        out.clear();
    }
    Ok(())
}
