//! Which way `setup` rebuilds: reset the existing database in place in one transaction (the
//! fastest: no `CREATE DATABASE` on the way) or build a new one aside, and why, from what is
//! known before anything runs. What the database itself holds is checked after, by
//! `in_place::obstacle`.

use std::time::Duration;

use super::cache::{Mode, WORTH_KEEPING};
use crate::ui;

/// Files this big load slowly enough (about 15 ms per MB on a 2-core machine, so 16 MB takes
/// about the 300 ms of [`WORTH_KEEPING`]) that a template pays: with none yet, they are built
/// aside once so the next `setup` clones one.
pub const BIG_FILES: u64 = 16 << 20;

/// What decides the way.
#[derive(Debug, Default)]
pub struct Facts {
    pub exists: bool,
    /// `--aside`.
    pub aside: bool,
    /// `--rebuild-template`.
    pub rebuild_template: bool,
    /// The files' first statement that cannot share one transaction with the rest, and where.
    pub own_transaction: Option<String>,
    /// A migration whose up part says `transaction:false`.
    pub untransacted_migration: Option<String>,
    pub mode: Mode,
    /// How long loading took when the template of these very files was kept, if there is one.
    pub template_load: Option<Duration>,
    /// The files' size, data files included.
    pub bytes: u64,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Way {
    InPlace,
    /// Build aside, for the status line's reason (none when the user asked for it or there is
    /// nothing to reset), keeping templates as `keep` says.
    Aside {
        why: Option<String>,
        keep: Mode,
    },
}

pub fn choose(facts: &Facts) -> Way {
    let aside = |why: Option<String>| Way::Aside {
        why,
        keep: facts.mode,
    };
    if !facts.exists || facts.aside {
        return aside(None);
    }
    if let Some(place) = &facts.own_transaction {
        return aside(Some(format!(
            "{place}, which cannot share one transaction with the rest"
        )));
    }
    if let Some(migration) = &facts.untransacted_migration {
        return aside(Some(format!(
            "migration {migration} runs without a transaction (transaction:false)"
        )));
    }
    if facts.rebuild_template {
        return aside(Some("--rebuild-template builds a new template".to_string()));
    }
    match (facts.mode, facts.template_load) {
        (Mode::Off, _) => Way::InPlace,
        (Mode::On, Some(_)) => aside(Some(
            "the template cache has these files built, and CRUDDUR_DB_TEMPLATE=on uses it"
                .to_string(),
        )),
        (Mode::Auto, Some(load)) if load >= WORTH_KEEPING => aside(Some(format!(
            "the template cache has these files built, and cloning it beats loading them again {}",
            ui::format_elapsed(load)
        ))),
        (Mode::Auto, Some(_)) => Way::InPlace,
        (Mode::On, None) => aside(Some(
            "CRUDDUR_DB_TEMPLATE=on keeps a template of every build, which only building aside makes"
                .to_string(),
        )),
        (Mode::Auto, None) if facts.bytes >= BIG_FILES => Way::Aside {
            why: Some(format!(
                "the files hold {}: building aside keeps a template that the next setup clones",
                ui::size(facts.bytes as i64)
            )),
            keep: Mode::On,
        },
        (Mode::Auto, None) => Way::InPlace,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn existing() -> Facts {
        Facts {
            exists: true,
            mode: Mode::Auto,
            ..Facts::default()
        }
    }

    fn why(way: Way) -> String {
        match way {
            Way::Aside { why: Some(why), .. } => why,
            other => panic!("expected aside with a reason, got {other:?}"),
        }
    }

    #[test]
    fn an_existing_database_with_plain_files_is_reset_in_place() {
        assert_eq!(choose(&existing()), Way::InPlace);
        let off = Facts {
            mode: Mode::Off,
            bytes: BIG_FILES * 4,
            ..existing()
        };
        assert_eq!(choose(&off), Way::InPlace);
    }

    #[test]
    fn a_new_database_or_aside_asked_for_builds_aside_without_a_status_line() {
        let new = Facts {
            exists: false,
            ..existing()
        };
        let asked = Facts {
            aside: true,
            ..existing()
        };
        for facts in [new, asked] {
            assert_eq!(
                choose(&facts),
                Way::Aside {
                    why: None,
                    keep: Mode::Auto
                }
            );
        }
    }

    #[test]
    fn statements_that_need_their_own_transaction_build_aside_naming_them() {
        let vacuum = Facts {
            own_transaction: Some("sql/seed.sql:4 uses VACUUM".into()),
            ..existing()
        };
        assert!(why(choose(&vacuum)).starts_with("sql/seed.sql:4 uses VACUUM"));
        let untransacted = Facts {
            untransacted_migration: Some("20240101000000_index".into()),
            ..existing()
        };
        assert!(why(choose(&untransacted)).contains("transaction:false"));
    }

    #[test]
    fn a_template_is_cloned_only_when_it_saves_a_slow_load() {
        let slow = Facts {
            template_load: Some(WORTH_KEEPING * 2),
            ..existing()
        };
        assert!(why(choose(&slow)).contains("cloning it beats loading"));
        let fast = Facts {
            template_load: Some(WORTH_KEEPING / 10),
            ..existing()
        };
        assert_eq!(choose(&fast), Way::InPlace);
        let on = Facts {
            mode: Mode::On,
            ..fast
        };
        assert!(why(choose(&on)).contains("CRUDDUR_DB_TEMPLATE=on"));
    }

    #[test]
    fn big_files_without_a_template_build_aside_once_and_keep_one() {
        let big = Facts {
            bytes: BIG_FILES,
            ..existing()
        };
        match choose(&big) {
            Way::Aside {
                why: Some(why),
                keep,
            } => {
                assert!(why.contains("keeps a template"), "{why}");
                assert_eq!(keep, Mode::On);
            }
            other => panic!("{other:?}"),
        }
    }
}
