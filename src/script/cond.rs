//! psql's `\if` / `\elif` / `\else` / `\endif`: a stack of branches, and whether what is read now
//! runs. In a branch not taken, nothing runs and nothing is substituted, and the expressions
//! of nested `\if`s are not even evaluated.

/// One `\if` ... `\endif` block.
#[derive(Debug, Clone, Copy)]
struct Block {
    /// The block sits in a branch that runs.
    outer_active: bool,
    /// A branch of this block has been taken: later `\elif`/`\else` branches are not.
    taken: bool,
    /// The current branch runs.
    active: bool,
    /// `\else` was seen: another `\elif` or `\else` is an error.
    in_else: bool,
}

#[derive(Debug, Default)]
pub struct Conditions(Vec<Block>);

/// What a conditional meta-command needs next.
#[derive(Debug, PartialEq, Eq)]
pub enum Need {
    /// Evaluate the expression (the branch is live) and call `decide`.
    Evaluate,
    /// Nothing to evaluate.
    Nothing,
}

impl Conditions {
    /// Whether statements read now run.
    pub fn active(&self) -> bool {
        self.0.last().is_none_or(|b| b.active)
    }

    pub fn depth(&self) -> usize {
        self.0.len()
    }

    /// `\if`: evaluate only when the enclosing branch runs.
    pub fn open(&mut self) -> Need {
        let outer_active = self.active();
        self.0.push(Block {
            outer_active,
            taken: !outer_active,
            active: false,
            in_else: false,
        });
        if outer_active {
            Need::Evaluate
        } else {
            Need::Nothing
        }
    }

    /// `\elif`: evaluate only when no branch was taken yet.
    pub fn elif(&mut self) -> Result<Need, &'static str> {
        let block = self.0.last_mut().ok_or("\\elif without a matching \\if")?;
        if block.in_else {
            return Err("\\elif after \\else");
        }
        block.active = false;
        Ok(if block.taken {
            Need::Nothing
        } else {
            Need::Evaluate
        })
    }

    /// The value of the expression an `\if` or `\elif` asked for.
    pub fn decide(&mut self, value: bool) {
        if let Some(block) = self.0.last_mut() {
            block.active = value && block.outer_active;
            block.taken |= value;
        }
    }

    pub fn otherwise(&mut self) -> Result<(), &'static str> {
        let block = self.0.last_mut().ok_or("\\else without a matching \\if")?;
        if block.in_else {
            return Err("a second \\else in one \\if block");
        }
        block.in_else = true;
        block.active = !block.taken && block.outer_active;
        block.taken = true;
        Ok(())
    }

    pub fn close(&mut self) -> Result<(), &'static str> {
        self.0
            .pop()
            .map(|_| ())
            .ok_or("\\endif without a matching \\if")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_true_branch_runs_and_no_other() {
        let mut c = Conditions::default();
        assert_eq!(c.open(), Need::Evaluate);
        c.decide(false);
        assert!(!c.active());
        assert_eq!(c.elif(), Ok(Need::Evaluate));
        c.decide(true);
        assert!(c.active());
        assert_eq!(c.elif(), Ok(Need::Nothing));
        assert!(!c.active());
        c.otherwise().unwrap();
        assert!(!c.active());
        c.close().unwrap();
        assert!(c.active());
    }

    #[test]
    fn else_runs_when_nothing_else_did_and_nesting_inside_a_skipped_branch_stays_off() {
        let mut c = Conditions::default();
        c.open();
        c.decide(false);
        assert_eq!(c.open(), Need::Nothing);
        c.otherwise().unwrap();
        assert!(
            !c.active(),
            "an inner \\else of a skipped block must not run"
        );
        c.close().unwrap();
        c.otherwise().unwrap();
        assert!(c.active());
        c.close().unwrap();
    }

    #[test]
    fn misplaced_branches_are_errors() {
        let mut c = Conditions::default();
        assert!(c.elif().is_err());
        assert!(c.otherwise().is_err());
        assert!(c.close().is_err());
        c.open();
        c.decide(true);
        c.otherwise().unwrap();
        assert!(c.otherwise().is_err());
        assert!(c.elif().is_err());
    }
}
