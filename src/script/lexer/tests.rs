//! The lexer against psql's own splitting, case by case.

use super::*;

fn statements(source: &str) -> Vec<String> {
    tokens(source)
        .into_iter()
        .filter_map(|token| match token {
            Token::Statement(statement) => Some(statement.text),
            Token::Meta(_) => None,
        })
        .collect()
}

#[test]
fn splits_on_semicolons_and_keeps_a_last_statement_without_one() {
    assert_eq!(
        statements("select 1; select 2;\nselect 3"),
        ["select 1;", "select 2;", "select 3"]
    );
}

#[test]
fn semicolons_inside_quotes_and_comments_do_not_split() {
    let source = "select 'a;b', E'c\\';d', U&'e;f', \"e;f\" -- g;h\n/* i; /* j; */ k; */ from t;";
    assert_eq!(statements(source).len(), 1);
}

#[test]
fn quotes_and_comments_continue_across_lines() {
    let source = "select 'a;\nb', E'c\\\n;d' /* x;\n /* y; */ ;\n */, $f$\n;\n$f$;\nselect 2;";
    assert_eq!(statements(source).len(), 2);
}

#[test]
fn doubled_quotes_stay_inside_the_literal() {
    assert_eq!(statements("select 'it''s; fine'; select 2;").len(), 2);
    assert_eq!(statements("select \"a\"\";b\"; select 2;").len(), 2);
}

#[test]
fn dollar_quoted_bodies_hold_semicolons_and_other_tags() {
    let source = "create function f() returns int as $fn$ begin perform $$x;$$; return 1; end $fn$ language plpgsql;\nselect $1;";
    assert_eq!(statements(source).len(), 2);
}

#[test]
fn begin_atomic_bodies_hold_semicolons() {
    let source = "create or replace function f() returns int language sql begin atomic select 1; select case when true then 2 end; end;\nselect 3;";
    assert_eq!(
        statements(source),
        [source.lines().next().unwrap(), "select 3;"]
    );
    let shouted = source.to_uppercase();
    assert_eq!(
        statements(&shouted),
        [shouted.lines().next().unwrap(), "SELECT 3;"]
    );
}

#[test]
fn a_transaction_begin_is_not_a_routine_body() {
    assert_eq!(statements("begin; select 1; end;").len(), 3);
}

#[test]
fn empty_statements_are_dropped() {
    assert_eq!(statements(";\n ; select 1;;"), ["select 1;"]);
}

#[test]
fn comments_between_statements_are_not_statements() {
    assert_eq!(
        statements("-- only a comment\n/* and\n another */\n"),
        Vec::<String>::new()
    );
}

#[test]
fn copy_from_stdin_is_recognised_and_other_copies_are_not() {
    let copies: Vec<bool> = tokens(
        "COPY public.t (a, b) FROM stdin;\nCOPY t FROM '/tmp/x';\ncopy t to stdout;\nselect 'from stdin';",
    )
    .into_iter()
    .map(|token| matches!(token, Token::Statement(s) if s.copy_from_stdin))
    .collect();
    assert_eq!(copies, [true, false, false, false]);
}

#[test]
fn a_meta_command_inside_an_unfinished_statement_comes_first_and_the_statement_continues() {
    let tokens = tokens("insert into t\nvalues (1)\n\\echo 'done here'\n;");
    assert!(
        matches!(&tokens[0], Token::Meta(meta) if meta.name == "echo" && meta.args == ["done here"])
    );
    assert!(
        matches!(&tokens[1], Token::Statement(statement) if statement.text == "insert into t\nvalues (1)\n\n;")
    );
}

#[test]
fn positions_map_back_to_lines_and_character_columns() {
    let source = "select 1;\n  -- note\n  select 'é',\n    oops;";
    let Token::Statement(statement) = &tokens(source)[1] else {
        panic!()
    };
    assert_eq!(statement.start(), Position { line: 3, column: 3 });
    let oops = statement.text.find("oops").unwrap();
    let char_position = statement.text[..oops].chars().count() + 1;
    assert_eq!(
        statement.position_of_char(char_position),
        Position { line: 4, column: 5 }
    );
    let comma = statement.text[..statement.text.find(',').unwrap()]
        .chars()
        .count()
        + 1;
    assert_eq!(
        statement.position_of_char(comma),
        Position {
            line: 3,
            column: 13
        }
    );
}

#[test]
fn positions_map_back_across_a_meta_command() {
    let source = "select\n\\echo hi\n  from_here;";
    let Token::Statement(statement) = &tokens(source)[1] else {
        panic!()
    };
    let char_position = statement.text[..statement.text.find("from_here").unwrap()]
        .chars()
        .count()
        + 1;
    assert_eq!(
        statement.position_of_char(char_position),
        Position { line: 3, column: 3 }
    );
}
