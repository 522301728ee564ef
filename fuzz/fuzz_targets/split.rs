//! Fuzz the SQL splitter: any bytes, cut into lines anywhere, must lex without panicking, and
//! every statement position must map back into the source.
#![no_main]

use cruddur_db::lexer::{Lexer, Token};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut lexer = Lexer::default();
    let mut tokens = Vec::new();
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    for (number, line) in lines.iter().enumerate() {
        lexer.line(line, number as u64 + 1, &mut tokens);
    }
    lexer.finish(&mut tokens);
    for token in tokens {
        if let Token::Statement(statement) = token {
            for index in 0..=statement.text.chars().count() + 1 {
                let position = statement.position_of_char(index);
                assert!(position.line >= 1 && position.line <= lines.len() as u64 + 1);
                assert!(position.column >= 1);
            }
        }
    }
});
