//! Property tests: however SQL that hides a semicolon or a quote is cut into lines, the
//! lexer splits it as it splits the whole.

use proptest::prelude::*;

use super::*;

/// Pieces of SQL that hide a semicolon (or a quote) from a naive splitter.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_][a-z0-9_]{0,8}",
        "[0-9]{1,4}",
        Just("'a;b'".to_string()),
        Just("'it''s; fine'".to_string()),
        Just("E'c\\';d\\\\'".to_string()),
        Just("U&'d\\0061;t'".to_string()),
        Just("\"we;ird\"\"id\"".to_string()),
        Just("$$ ; ' \" $$".to_string()),
        Just("$fn$ begin; $$ ; $$ end; $fn$".to_string()),
        Just("$1".to_string()),
        Just("/* a; /* nested; */ b; */".to_string()),
        Just("-- trailing; comment\n".to_string()),
        Just("'multi\nline;\nstring'".to_string()),
        Just("(1, 2)".to_string()),
    ]
}

fn whitespace() -> impl Strategy<Value = String> {
    "[ \t\n]{1,3}"
}

/// Comments and blank space between statements, never part of them.
fn between() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            whitespace(),
            Just("-- between; statements\n".to_string()),
            Just("/* between; /* nested */ */".to_string()),
        ],
        0..3,
    )
    .prop_map(|parts| parts.concat())
}

fn statement() -> impl Strategy<Value = String> {
    (
        "[a-z]{1,8}",
        prop::collection::vec((whitespace(), fragment()), 0..6),
    )
        .prop_map(|(first, rest)| {
            let mut text = first;
            for (space, fragment) in rest {
                text.push_str(&space);
                text.push_str(&fragment);
            }
            text
        })
}

proptest! {
    #[test]
    fn any_mix_of_quoting_and_comments_splits_into_the_statements_written(
        statements in prop::collection::vec((between(), statement()), 1..6),
        last_has_semicolon in any::<bool>(),
        tail in between(),
    ) {
        let mut source = String::new();
        let mut expected = Vec::new();
        let count = statements.len();
        for (i, (gap, statement)) in statements.into_iter().enumerate() {
            source.push_str(&gap);
            let mut text = statement;
            let last = i + 1 == count;
            if !last || last_has_semicolon {
                text.push(';');
            }
            source.push_str(&text);
            if !last {
                source.push('\n');
                expected.push(text);
            } else if last_has_semicolon {
                source.push_str(&tail);
                expected.push(text);
            } else {
                // Without a semicolon the last statement runs to the end of the file,
                // comments included, as psql sends it; trailing blanks are dropped.
                source.push_str(&tail);
                expected.push(format!("{text}{tail}").trim_end().to_string());
            }
        }
        let found: Vec<String> = tokens(&source)
            .into_iter()
            .map(|token| match token {
                Token::Statement(statement) => statement.text,
                Token::Meta(meta) => panic!("unexpected meta-command {meta:?}"),
            })
            .collect();
        prop_assert_eq!(found, expected);
    }

    #[test]
    fn every_character_of_a_statement_maps_back_to_where_it_is_in_the_source(
        gap in between(),
        statement in statement(),
    ) {
        let source = format!("{gap}{statement};");
        let Token::Statement(found) = &tokens(&source)[0] else { panic!() };
        let offset = source.len() - statement.len() - 1;
        for (index, (byte, _)) in found.text.char_indices().enumerate() {
            let position = found.position_of_char(index + 1);
            let before = &source[..offset + byte];
            let line = before.matches('\n').count() as u64 + 1;
            let column = before.rsplit('\n').next().unwrap().chars().count() as u64 + 1;
            prop_assert_eq!(position, Position { line, column });
        }
    }

    #[test]
    fn arbitrary_input_never_panics(source in "\\PC{0,200}") {
        for token in tokens(&source) {
            if let Token::Statement(statement) = token {
                for index in 0..=statement.text.chars().count() + 1 {
                    statement.position_of_char(index);
                }
            }
        }
    }
}
