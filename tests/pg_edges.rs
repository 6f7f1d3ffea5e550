//! The team store's edges: a role's own schema does not hide the store, a first write that fails
//! leaves an empty database empty, passwords in every shape a URL can hold stay secret, `team`
//! cannot lock the team out or open other tables, and the journal's role cannot be forged.

mod common;
#[path = "common/pg.rs"]
mod pg;

use common::{AS_OF, Env, WORKED};
use pg::one_line_failure;

#[test]
fn a_role_with_its_own_schema_sees_the_team_store_and_cannot_start_a_second_one() {
    let Some(server) = pg::server("a_role_with_its_own_schema_sees_the_team_store_and_cannot_start_a_second_one") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    pg::stdout(dir, db.url(), &["plan", "apply", "worked.toml"]);
    let role = db.role();
    pg::stdout(dir, db.url(), &["team", "grant", "--write", &role.name]);
    // "$user" comes first in the search path: a schema of the role's own name would shadow the
    // store if engage did not pin the schema that holds it.
    db.client().batch_execute(&format!("CREATE SCHEMA \"{0}\" AUTHORIZATION \"{0}\"", role.name)).unwrap();
    let owner = pg::stdout(dir, db.url(), &["status", "--as-of", AS_OF]);
    assert_eq!(pg::stdout(dir, &role.url, &["status", "--as-of", AS_OF]), owner);
    let out = pg::run(dir, &role.url, &["init", "--name", "Another", "--end", "2030-12-31"]);
    one_line_failure(&out, 2, "init on a store that holds a campaign");
    let tables: i64 =
        db.client().query_one("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1", &[&role.name]).unwrap().get(0);
    assert_eq!(tables, 0, "a second store was started in the role's own schema");
}

#[test]
fn a_first_write_that_fails_leaves_an_empty_database_empty() {
    let Some(server) = pg::server("a_first_write_that_fails_leaves_an_empty_database_empty") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("bad.toml", "[campaign]\nname = \"X\"\nend = \"2030-02-30\"\n");
    env.write("worked.toml", WORKED);
    let db = server.database();
    one_line_or_plan_failure(&pg::run(dir, db.url(), &["plan", "apply", "bad.toml"]));
    assert!(db.tables().is_empty(), "{:?}", db.tables());
    // A dry run on the empty database says what the file would create, as on a new file.
    let on_file = common::command(dir).args(["--db", "new.db", "plan", "apply", "--dry-run", "worked.toml"]).output().unwrap();
    let on_pg = pg::run(dir, db.url(), &["plan", "apply", "--dry-run", "worked.toml"]);
    assert_eq!(on_pg.status.code(), Some(0), "{}", String::from_utf8_lossy(&on_pg.stderr));
    assert_eq!(on_pg.stdout, on_file.stdout);
    assert_eq!(on_pg.stderr, on_file.stderr);
    assert!(db.tables().is_empty(), "{:?}", db.tables());
    // The first write that succeeds creates the store and its campaign together.
    pg::stdout(dir, db.url(), &["plan", "apply", "worked.toml"]);
    assert!(db.journal_count() > 0);
}

/// A refused plan: exit 2, its problems and one summary line.
fn one_line_or_plan_failure(out: &std::process::Output) {
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing was changed"));
}

#[test]
fn passwords_in_every_shape_of_url_stay_out_of_messages_and_the_journal() {
    let Some(server) = pg::server("passwords_in_every_shape_of_url_stay_out_of_messages_and_the_journal") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    let user = server.user();
    let host_and_db = db.url().split_once('@').map(|(_, rest)| rest.to_string()).unwrap();
    // The server trusts every login: any password connects, which is what lets these run.
    let urls = [
        format!("postgres://{user}:Sl4sh/Qu3ry?Secr3t@{host_and_db}"),
        format!("postgres://{user}@{host_and_db}?password=Qu3ry-Secr3t"),
        format!("postgresql://{user}:Pl41n-Secr3t@{host_and_db}"),
    ];
    let secrets = ["Sl4sh", "Qu3ry", "Secr3t"];
    pg::stdout(dir, &urls[0], &["demo", "--as-of", AS_OF]);
    for (i, url) in urls.iter().enumerate() {
        let note = format!("note {i}");
        for args in [&["status", "--as-of", AS_OF][..], &["milestone", "set", "translation", "--note", &note], &["demo"]] {
            let out = pg::run(dir, url, args);
            let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            assert!(!secrets.iter().any(|s| said.contains(s)), "engage {args:?}: {said}");
        }
        let bad = format!("{url}&sslmode=bogus");
        let out = pg::run(dir, &bad, &["status"]);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{said}");
        assert!(!secrets.iter().any(|s| said.contains(s)), "{said}");
    }
    let history = pg::stdout(dir, db.url(), &["history", "--format", "json"]);
    assert!(history.contains("--db postgres"), "the command line is journaled");
    assert!(history.contains(":***@") && history.contains("password=***"), "{history}");
    assert!(!secrets.iter().any(|s| history.contains(s)), "{history}");
}

#[test]
fn team_cannot_lock_the_team_out_or_open_other_tables() {
    let Some(server) = pg::server("team_cannot_lock_the_team_out_or_open_other_tables") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    pg::stdout(dir, db.url(), &["plan", "apply", "worked.toml"]);
    db.client().batch_execute("CREATE TABLE payroll (amount int); INSERT INTO payroll VALUES (1)").unwrap();
    // The role running the command (here also the owner) keeps its access.
    let me = server.user();
    for args in [&["team", "grant", "--read", me.as_str()][..], &["team", "revoke", me.as_str()]] {
        one_line_failure(&pg::run(dir, db.url(), args), 2, &format!("engage {args:?}"));
    }
    assert!(pg::run(dir, db.url(), &["milestone", "start", "b"]).status.success());
    // A writer may change the campaign, and nothing else of the database.
    let role = db.role();
    pg::stdout(dir, db.url(), &["team", "grant", "--write", &role.name]);
    let granted: Vec<String> = db
        .client()
        .query(
            "SELECT table_name || ':' || privilege_type FROM information_schema.role_table_grants
              WHERE grantee = $1 AND table_name IN ('payroll', 'engage_store') ORDER BY 1",
            &[&role.name],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(granted, ["engage_store:SELECT"]);
}

#[test]
fn a_journal_row_cannot_claim_another_role() {
    let Some(server) = pg::server("a_journal_row_cannot_claim_another_role") else { return };
    let env = Env::new();
    let dir = env.dir.path();
    env.write("worked.toml", WORKED);
    let db = server.database();
    pg::stdout(dir, db.url(), &["plan", "apply", "worked.toml"]);
    let role = db.role();
    pg::stdout(dir, db.url(), &["team", "grant", "--write", &role.name]);
    // Through engage, the writer's rows carry its role.
    pg::stdout(dir, &role.url, &["milestone", "start", "b"]);
    let last: Option<String> = db.client().query_one("SELECT role FROM journal ORDER BY id DESC LIMIT 1", &[]).unwrap().get(0);
    assert_eq!(last.as_deref(), Some(role.name.as_str()));
    // Directly, the writer cannot write a row in the owner's name.
    let mut as_writer = postgres::Client::connect(&role.url, postgres::NoTls).unwrap();
    let forged = as_writer.batch_execute(
        "INSERT INTO journal (at, actor, command, kind, key, action, role)
         VALUES ('2030-01-01T00:00:00.000Z', 'x', 'x', 'milestone', 'b', 'update', 'postgres')",
    );
    let error = forged.expect_err("a forged role was written");
    assert!(format!("{error:?}").contains("records the role"), "{error:?}");
}
