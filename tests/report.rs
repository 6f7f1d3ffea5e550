//! `engage report`, end to end: the HTML page is parsed back (by an HTML5 parser) and its
//! sections and figures are checked against the worked example, in both languages; the page is
//! self-contained, escapes what it shows, and stays readable on a large campaign.

mod common;

use common::{AS_OF, Env, WORKED};
use scraper::{ElementRef, Html, Selector};

fn worked() -> Env {
    let env = Env::new();
    env.apply("worked.toml", WORKED);
    env
}

fn page(env: &Env, args: &[&str]) -> Html {
    let mut all = vec!["report", "--as-of", AS_OF];
    all.extend_from_slice(args);
    Html::parse_document(&env.stdout(&all))
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"))).collect()
}

fn one<'a>(html: &'a Html, css: &str) -> ElementRef<'a> {
    let found = select(html, css);
    assert_eq!(found.len(), 1, "expected one {css}, found {}", found.len());
    found[0]
}

fn attr<'a>(el: ElementRef<'a>, name: &str) -> &'a str {
    el.value().attr(name).unwrap_or_else(|| panic!("no {name} on {}", el.html()))
}

fn text(el: ElementRef) -> String {
    el.text().collect::<String>()
}

fn keys(html: &Html, css: &str) -> Vec<String> {
    select(html, css).into_iter().map(|tr| attr(tr, "data-key").to_string()).collect()
}

#[test]
fn the_page_has_every_section_with_the_worked_example_figures() {
    let env = worked();
    let html = page(&env, &[]);
    for id in ["headline", "overdue", "next", "timeline", "reach", "channels", "materials", "parity"] {
        one(&html, &format!("section#{id}"));
    }
    assert_eq!(attr(one(&html, "html"), "lang"), "en-CA");
    assert_eq!(attr(one(&html, "p.as-of"), "data-as-of"), AS_OF);

    // Headline: 3 of 9 counted items done, projected end 2030-05-25 against 2030-05-31: 6 days ahead.
    let percent = one(&html, "[data-figure=percent_complete]");
    assert_eq!((attr(percent, "data-value"), text(percent).as_str()), ("33.3", "33.3%"));
    let done = one(&html, "[data-figure=done]");
    assert_eq!((attr(done, "data-done"), attr(done, "data-counted")), ("3", "9"));
    assert_eq!(attr(one(&html, "[data-figure=projected_end]"), "data-value"), "2030-05-25");
    assert_eq!(attr(one(&html, "[data-figure=planned_end]"), "data-value"), "2030-05-31");
    let slip = one(&html, "[data-figure=slip_days]");
    assert_eq!((attr(slip, "data-value"), text(slip).as_str()), ("-6", "6 days ahead"));

    // Overdue: the channel and the two milestones, by date; next 14 days: from as-of on, meetings included.
    assert_eq!(keys(&html, "#overdue tbody tr"), ["site", "b", "c"]);
    let overdue_days: Vec<String> =
        select(&html, "#overdue tbody td.num").into_iter().map(|td| attr(td, "data-days").to_string()).collect();
    assert_eq!(overdue_days, ["-9", "-9", "-5"]);
    assert!(select(&html, "#overdue tbody td.state").iter().all(|td| attr(*td, "data-state") == "overdue"));
    assert_eq!(keys(&html, "#next tbody tr"), ["deck", "mayors-apr/workshop", "mayors-apr"]);
    assert_eq!(text(one(&html, "#next h2")), "Next 14 days (3)");

    // Timeline: every milestone by due date (forecasts as worked-example.md gives them), the critical path b → d marked, lines for as-of and the planned end.
    let marks = select(&html, "#timeline svg g.milestone");
    let drawn: Vec<(&str, &str, &str, &str)> =
        marks.iter().map(|g| (attr(*g, "data-key"), attr(*g, "data-due"), attr(*g, "data-forecast"), attr(*g, "data-critical"))).collect();
    assert_eq!(
        drawn,
        [
            ("a", "2030-03-15", "2030-03-14", "false"),
            ("b", "2030-04-01", "2030-04-10", "true"),
            ("c", "2030-04-05", "2030-04-10", "false"),
            ("d", "2030-05-25", "2030-05-25", "true"),
        ]
    );
    assert!(attr(marks[1], "class").contains("critical") && attr(marks[1], "class").contains("overdue"));
    assert!(attr(marks[0], "class").contains("done"));
    assert_eq!(attr(one(&html, "#timeline line.as-of"), "data-date"), AS_OF);
    assert_eq!(attr(one(&html, "#timeline line.planned-end"), "data-date"), "2030-05-31");
    // The as-of line lies between the marks of a (before) and d (after).
    let x = |css: &str| attr(one(&html, css), "x1").parse::<f64>().unwrap();
    let due_x = |key: &str| {
        let g = one(&html, &format!("#timeline g[data-key={key}] polygon"));
        attr(g, "points").split([',', ' ']).next().unwrap().parse::<f64>().unwrap() + 5.0
    };
    assert!(due_x("a") < x("#timeline line.as-of") && x("#timeline line.as-of") < due_x("d"));
    assert!(x("#timeline line.as-of") < x("#timeline line.planned-end"));

    // Reach: one bar per order with organizations, each reached.
    let bars: Vec<(&str, &str, &str)> = select(&html, "#reach g.order")
        .into_iter()
        .map(|g| (attr(g, "data-order"), attr(g, "data-reached"), attr(g, "data-total")))
        .collect();
    assert_eq!(bars, [("federal", "1", "1"), ("provincial", "1", "1"), ("municipal", "1", "1")]);
    assert!(text(one(&html, "#reach g[data-order=federal] text.figure")).starts_with("1 / 1"));

    // Channels and materials with their states.
    let states = |css: &str| -> Vec<(String, String)> {
        select(&html, css)
            .into_iter()
            .map(|tr| (attr(tr, "data-key").to_string(), attr(one_in(tr, "td.state"), "data-state").to_string()))
            .collect()
    };
    assert_eq!(states("#channels tbody tr"), [("letter".into(), "done_late".into()), ("site".into(), "overdue".into())]);
    assert_eq!(states("#materials tbody tr"), [("deck".into(), "due_soon".into())]);
    assert_eq!(text(one(&html, "#parity p.none")), "none");
}

fn one_in<'a>(el: ElementRef<'a>, css: &str) -> ElementRef<'a> {
    el.select(&Selector::parse(css).unwrap()).next().unwrap_or_else(|| panic!("no {css} in {}", el.html()))
}

#[test]
fn the_page_is_self_contained_and_escapes_what_it_shows() {
    let env = worked();
    let hostile = WORKED.replace("title = \"Launch\"", "title = \"<script>alert('x')</script> & <b>bold</b>\"");
    env.apply("worked.toml", &hostile);
    let raw = env.stdout(&["report", "--as-of", AS_OF]);
    assert!(raw.starts_with("<!DOCTYPE html>"), "{}", &raw[..40]);
    for banned in ["<script", "<link", "<img", "<iframe", "@import", "url(", "src="] {
        assert!(!raw.contains(banned), "the page holds {banned}");
    }
    // The only address in the page is the SVG namespace: nothing is fetched.
    let without_ns = raw.replace("http://www.w3.org/2000/svg", "");
    assert!(!without_ns.contains("http://") && !without_ns.contains("https://"));
    let html = Html::parse_document(&raw);
    assert!(select(&html, "script").is_empty() && select(&html, "b").is_empty());
    let label = text(one(&html, "#timeline g[data-key=d] title"));
    assert!(label.contains("<script>alert('x')</script> & <b>bold</b>"), "{label}");
    // One style element, inline.
    assert_eq!(select(&html, "style").len(), 1);
    assert!(text(one(&html, "style")).contains("@media print"));
}

#[test]
fn the_page_speaks_french() {
    let env = worked();
    let html = page(&env, &["--within", "14"]);
    let fr = Html::parse_document(&env.stdout(&["--lang", "fr", "report", "--as-of", AS_OF]));
    assert_eq!(attr(one(&fr, "html"), "lang"), "fr-CA");
    assert_eq!(text(one(&fr, "p.as-of")), "au 10 avril 2030");
    assert_eq!(text(one(&fr, "#overdue h2")), "En retard (3)");
    assert_eq!(text(one(&fr, "#next h2")), "Les 14 prochains jours (3)");
    assert_eq!(text(one(&fr, "[data-figure=percent_complete]")), "33,3\u{a0}%");
    assert_eq!(text(one(&fr, "[data-figure=slip_days]")), "6 jours d'avance");
    assert_eq!(text(one(&fr, "[data-figure=planned_end]")), "31 mai 2030");
    let first_state = text(one(&fr, "#overdue tbody tr[data-key=site] td.state"));
    assert_eq!(first_state, "en retard");
    let kind = text(select(&fr, "#next tbody tr[data-key='mayors-apr/workshop'] td")[2]);
    assert_eq!(kind, "point à l'ordre du jour");
    assert!(text(one(&fr, "#reach")).contains("fédéral"));
    // Machine attributes do not change with the language.
    assert_eq!(keys(&fr, "#overdue tbody tr"), keys(&html, "#overdue tbody tr"));
    assert_eq!(attr(one(&fr, "[data-figure=projected_end]"), "data-value"), attr(one(&html, "[data-figure=projected_end]"), "data-value"));
}

#[test]
fn report_to_a_file_writes_the_same_bytes_and_bad_arguments_exit_2() {
    let env = worked();
    let out = env.path("report.html");
    let stdout = env.engage().args(["report", "--as-of", AS_OF, "-o"]).arg(&out).assert().success().get_output().stdout.clone();
    assert!(stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), env.stdout(&["report", "--as-of", AS_OF]));
    for args in [&["report", "--within", "-1"][..], &["report", "--as-of", "2030-02-30"], &["report", "--format", "json"]] {
        let o = env.engage().args(args).assert().code(2).get_output().clone();
        assert!(o.stdout.is_empty() && !o.stderr.is_empty(), "{args:?}");
    }
    // Into a directory that does not exist: an error, and nothing is left behind.
    let missing = env.path("nowhere/report.html");
    env.engage().args(["report", "--as-of", AS_OF, "-o"]).arg(&missing).assert().failure();
    assert!(!env.path("nowhere").exists());
}

#[test]
fn a_large_campaign_draws_a_readable_timeline_and_cuts_long_tables() {
    let env = Env::new();
    let mut plan = String::from("[campaign]\nname = \"Large\"\nstart = 2030-01-01\nend = 2030-12-31\n");
    for i in 0..150 {
        let month = 1 + i % 12;
        plan.push_str(&format!("\n[[milestone]]\nkey = \"m{i:03}\"\ntitle = \"Milestone {i}\"\ndue = 2030-{month:02}-10\n"));
        if i > 0 && i % 10 != 0 {
            plan.push_str(&format!("depends_on = [\"m{:03}\"]\n", i - 1));
        }
    }
    for i in 0..120 {
        plan.push_str(&format!("\n[[material]]\nkey = \"doc{i:03}\"\ntitle = \"Document {i}\"\nkind = \"other\"\ndue = 2030-03-01\n"));
    }
    env.apply("large.toml", &plan);
    let html = Html::parse_document(&env.stdout(&["report", "--as-of", "2030-06-15"]));
    let drawn = select(&html, "#timeline g.milestone");
    assert_eq!(drawn.len(), 60);
    let critical = env.json(&["status", "--as-of", "2030-06-15", "--format", "json"])["critical_path"].clone();
    for key in critical.as_array().unwrap() {
        assert_eq!(select(&html, &format!("#timeline g[data-key={}]", key.as_str().unwrap())).len(), 1, "critical {key} drawn");
    }
    assert!(text(one(&html, "#timeline p.more")).starts_with("60 of 150 milestones shown"));
    assert_eq!(select(&html, "#materials tbody tr").len(), 100);
    assert!(text(one(&html, "#materials p.more")).contains("20 more"));
    assert_eq!(text(one(&html, "#materials h2")), "Materials (120)");
}
