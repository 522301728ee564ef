
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'cruddur-db' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'cruddur-db'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'cruddur-db' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Open psql on the target database (the password travels in psql''s environment)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the target database')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Drop the target database')
            [CompletionResult]::new('schema-load', 'schema-load', [CompletionResultType]::ParameterValue, 'Run a schema file against the target database [default: sql/schema.sql]')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Run a seed file against the target database [default: sql/seed.sql]')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List the sessions connected to the target database')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'End sessions connected to the target database (every other one unless filtered)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check each step from the environment to a working database; stop at the first broken one')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Why the database is slow, bloated, blocked or unused: one report, or (without one) a health summary that prints each finding with the command that fixes it')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Write the database''s schema as a SQL file, read from its catalogs (no pg_dump needed): deterministic, in dependency order')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Print the SQL that makes one schema equal to another (default: what makes the database match its files), ordered and safe on tables that hold rows')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Prepare every query file of the application against the schema (never executing one): the parameters and columns each gets, or the error it would meet, at its file:line')
            [CompletionResult]::new('erd', 'erd', [CompletionResultType]::ParameterValue, 'Draw the schema as Mermaid erDiagram blocks in Markdown: tables, keys, and every relation (foreign keys, and the ones column names imply)')
            [CompletionResult]::new('docs', 'docs', [CompletionResultType]::ParameterValue, 'Write the schema''s documentation (a page per table, the diagrams, views and functions) into DIR, or with --check say in words how DIR differs from the schema')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Rebuild the target database from schema.sql and seed.sql aside, then swap it in (a cached template of unchanged files is cloned instead of loaded)')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Rebuild the development database from the files with production''s rows in place of the seed: a masked (sql/copy.toml), referentially complete subset, read in one read-only snapshot; production is never written (see docs/copy.md)')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'List the template cache of the target database, with size and age')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Lint and apply every pending migration (dbmate''s format), or `migrate new|up|down|redo|status|lint|plan`')
            [CompletionResult]::new('rds', 'rds', [CompletionResultType]::ParameterValue, 'The production RDS instance: status, start, stop, a security group rule for your IP, DB snapshots, and IAM authentication tokens')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Save the development database aside and restore it in a second (never production)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cruddur-db;connect' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;create' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without doing anything when the database already exists')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;drop' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'Succeed without doing anything when the database does not exist')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'End the other sessions connected to the database first')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;schema-load' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Define psql variable NAME for the SQL files (repeatable), as psql''s -v NAME=VALUE')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--no-transaction', '--no-transaction', [CompletionResultType]::ParameterName, 'Run statement by statement instead of in one transaction (for CREATE INDEX CONCURRENTLY, VACUUM and other statements that refuse a transaction block)')
            [CompletionResult]::new('--snapshot', '--snapshot', [CompletionResultType]::ParameterName, 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;seed' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Define psql variable NAME for the SQL files (repeatable), as psql''s -v NAME=VALUE')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--no-transaction', '--no-transaction', [CompletionResultType]::ParameterName, 'Run statement by statement instead of in one transaction (for CREATE INDEX CONCURRENTLY, VACUUM and other statements that refuse a transaction block)')
            [CompletionResult]::new('--snapshot', '--snapshot', [CompletionResultType]::ParameterName, 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;sessions' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only sessions of this user (role)')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'Only sessions whose application_name is NAME')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only sessions in this state: active, idle, "idle in transaction", ...')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Redraw every SECS seconds (default 2) until Ctrl-C')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every database on the server, not only the target''s')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (fields documented in docs/production.md)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;kill' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only sessions of this user (role)')
            [CompletionResult]::new('--app', '--app', [CompletionResultType]::ParameterName, 'Only sessions whose application_name is NAME')
            [CompletionResult]::new('--pid', '--pid', [CompletionResultType]::ParameterName, 'End exactly these sessions (repeatable); it is an error if one is not there')
            [CompletionResult]::new('--idle-for', '--idle-for', [CompletionResultType]::ParameterName, 'Only sessions idle (or idle in a transaction) for at least SECS seconds')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every database on the server, not only the target''s')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be ended, and end nothing')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;doctor' {
            [CompletionResult]::new('--my-ip', '--my-ip', [CompletionResultType]::ParameterName, 'Your public IP, named in the hint when an RDS host does not answer [default: $MY_IP or $GITPOD_IP]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the checklist as JSON (fields documented in docs/commands.md)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;inspect' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N rows per report')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'long-running: queries running for longer than SECS')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long each report''s query may run before it is cancelled')
            [CompletionResult]::new('--min-bytes', '--min-bytes', [CompletionResultType]::ParameterName, 'Health summary: an unused index smaller than this (or on a table of fewer than 1,000 rows) is not a finding')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (fields documented in docs/inspect.md)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;dump' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Also write these tables'' rows, as COPY (small reference tables)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--owners', '--owners', [CompletionResultType]::ParameterName, 'Also each object''s owner (`ALTER ... OWNER TO`): the roles must exist where it loads')
            [CompletionResult]::new('--privileges', '--privileges', [CompletionResultType]::ParameterName, 'Also privileges (`GRANT`, `REVOKE`, `ALTER DEFAULT PRIVILEGES`)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;diff' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The schema to start from: db, files, url:CONNSTRING, snapshot:NAME or file:PATH')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The schema to reach, as --from')
            [CompletionResult]::new('--scratch-url', '--scratch-url', [CompletionResultType]::ParameterName, 'Build scratch databases (for files, file: and snapshot:) on this server instead of CONNECTION_URL''s')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long each phase of the plan may wait for a table lock before it gives up (`SET lock_timeout`), rather than queue the application behind a long transaction (0: as long as it takes)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when the schemas differ and 0 when not, like `git diff --exit-code`')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the changes as JSON: kind, name, change, SQL')
            [CompletionResult]::new('--owners', '--owners', [CompletionResultType]::ParameterName, 'Also each object''s owner (`ALTER ... OWNER TO`): the roles must exist where it loads')
            [CompletionResult]::new('--privileges', '--privileges', [CompletionResultType]::ParameterName, 'Also privileges (`GRANT`, `REVOKE`, `ALTER DEFAULT PRIVILEGES`)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;check' {
            [CompletionResult]::new('--against', '--against', [CompletionResultType]::ParameterName, 'The schema to check against: files (schema.sql and the migrations, built into a scratch database), db, url:CONNSTRING, snapshot:NAME or file:PATH')
            [CompletionResult]::new('--scratch-url', '--scratch-url', [CompletionResultType]::ParameterName, 'Build the scratch database (for files and file:) on this server instead of CONNECTION_URL''s')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON object per query: file, line, ok, error, params, columns')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Check again whenever a query file, schema.sql or a migration changes, until Ctrl-C')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;erd' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The schema to draw: files (schema.sql and the migrations, built into a scratch database), db, url:CONNSTRING, snapshot:NAME or file:PATH')
            [CompletionResult]::new('--depth', '--depth', [CompletionResultType]::ParameterName, 'With TABLE...: how many relations away from them to draw')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'mermaid: Markdown with erDiagram blocks (GitHub renders them); svg: one picture drawn by cruddur-db itself')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the Markdown to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the Markdown to FILE instead of standard output')
            [CompletionResult]::new('--scratch-url', '--scratch-url', [CompletionResultType]::ParameterName, 'Build the scratch database (for files and file:) on this server instead of CONNECTION_URL''s')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;docs' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The schema to document: files (schema.sql and the migrations, built into a scratch database), db, url:CONNSTRING, snapshot:NAME or file:PATH')
            [CompletionResult]::new('--scratch-url', '--scratch-url', [CompletionResultType]::ParameterName, 'Build the scratch database (for files and file:) on this server instead of CONNECTION_URL''s')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Write nothing: exit 0 when DIR is what the schema gives, else 1, saying in words what changed')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;setup' {
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Wait at most SECS for another setup of the same database to finish [default: forever]')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Define psql variable NAME for the SQL files (repeatable), as psql''s -v NAME=VALUE')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'End other sessions connected to the database before replacing it')
            [CompletionResult]::new('--aside', '--aside', [CompletionResultType]::ParameterName, 'Build a new database aside and swap it in, even when the existing one could be reset in place in one transaction')
            [CompletionResult]::new('--no-template', '--no-template', [CompletionResultType]::ParameterName, 'Load the files even when a cached template of them exists, and keep none (also CRUDDUR_DB_TEMPLATE=off)')
            [CompletionResult]::new('--rebuild-template', '--rebuild-template', [CompletionResultType]::ParameterName, 'Load the files and replace the cached template with the result')
            [CompletionResult]::new('--snapshot', '--snapshot', [CompletionResultType]::ParameterName, 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;copy' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The database to read: url:CONNSTRING [default: PROD_CONNECTION_URL, reached as every production connection is]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Wait at most SECS for a setup or copy of the same database to finish [default: forever]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Print each table, the rows it would take, the path from the start rows and each column''s rule; write nothing')
            [CompletionResult]::new('--init', '--init', [CompletionResultType]::ParameterName, 'Write a starter sql/copy.toml from the project''s schema, a guessed rule per column, marked for review (copy refuses until the mark is deleted)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'End other sessions connected to the development database before replacing it')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;templates' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Drop the target''s templates that the current files would not use')
            [CompletionResult]::new('--drop-all', '--drop-all', [CompletionResultType]::ParameterName, 'Drop all of the target''s templates')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;migrate' {
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Wait at most SECS for another migrate of the same database [default: forever]')
            [CompletionResult]::new('--lock-timeout-ddl', '--lock-timeout-ddl', [CompletionResultType]::ParameterName, 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file''s `lock_timeout:` wins)')
            [CompletionResult]::new('--lock-retries', '--lock-retries', [CompletionResultType]::ParameterName, 'How often a migration that got no lock in time is tried again')
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'Where the migration files are [default: the SQL directory''s migrations/]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--allow-modified', '--allow-modified', [CompletionResultType]::ParameterName, 'Go ahead although an applied migration''s file was edited or deleted')
            [CompletionResult]::new('--allow-out-of-order', '--allow-out-of-order', [CompletionResultType]::ParameterName, 'Apply pending migrations older than the newest applied one (a branch merged late)')
            [CompletionResult]::new('--snapshot', '--snapshot', [CompletionResultType]::ParameterName, 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)')
            [CompletionResult]::new('--unsafe', '--unsafe', [CompletionResultType]::ParameterName, 'Go ahead although a pending migration has dangerous lint findings (they are printed)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan (`migrate plan`) instead of applying anything')
            [CompletionResult]::new('--dump', '--dump', [CompletionResultType]::ParameterName, 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Write an empty migration, <migrations dir>/<UTC YYYYMMDDHHMMSS>_<name>.sql; print its path')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Apply every pending migration in version order (what `migrate` alone does)')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Revert the last applied migrations')
            [CompletionResult]::new('redo', 'redo', [CompletionResultType]::ParameterValue, 'Revert the last applied migration and apply it again')
            [CompletionResult]::new('import-legacy', 'import-legacy', [CompletionResultType]::ParameterValue, 'Convert the old Python migrations into migration files, and record as applied the ones the database''s schema_information says ran')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check migrations for statements that lock or rewrite busy tables, without a database; exit 8 when one is dangerous and not annotated')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'For each pending migration''s statements: the lock it takes on which table, the table''s size, and the sessions holding a conflicting lock now; runs nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Every migration and its state: applied, pending, modified or missing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cruddur-db;migrate;new' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'With --diff: the schema to start from [default: db]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'With --diff: the schema to reach [default: file:<the project''s sql/schema.sql>]')
            [CompletionResult]::new('--scratch-url', '--scratch-url', [CompletionResultType]::ParameterName, 'With --diff: build scratch databases on this server instead of CONNECTION_URL''s')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long each phase of the plan may wait for a table lock before it gives up (`SET lock_timeout`), rather than queue the application behind a long transaction (0: as long as it takes)')
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'Where the migration files are [default: the SQL directory''s migrations/]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--diff', '--diff', [CompletionResultType]::ParameterName, 'Write the SQL that brings the database (as its migrations left it) to schema.sql, and back in `migrate:down`, instead of an empty migration')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;migrate;up' {
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Wait at most SECS for another migrate of the same database [default: forever]')
            [CompletionResult]::new('--lock-timeout-ddl', '--lock-timeout-ddl', [CompletionResultType]::ParameterName, 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file''s `lock_timeout:` wins)')
            [CompletionResult]::new('--lock-retries', '--lock-retries', [CompletionResultType]::ParameterName, 'How often a migration that got no lock in time is tried again')
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'Where the migration files are [default: the SQL directory''s migrations/]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--allow-modified', '--allow-modified', [CompletionResultType]::ParameterName, 'Go ahead although an applied migration''s file was edited or deleted')
            [CompletionResult]::new('--allow-out-of-order', '--allow-out-of-order', [CompletionResultType]::ParameterName, 'Apply pending migrations older than the newest applied one (a branch merged late)')
            [CompletionResult]::new('--snapshot', '--snapshot', [CompletionResultType]::ParameterName, 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)')
            [CompletionResult]::new('--unsafe', '--unsafe', [CompletionResultType]::ParameterName, 'Go ahead although a pending migration has dangerous lint findings (they are printed)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan (`migrate plan`) instead of applying anything')
            [CompletionResult]::new('--dump', '--dump', [CompletionResultType]::ParameterName, 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;migrate;down' {
            [CompletionResult]::new('--steps', '--steps', [CompletionResultType]::ParameterName, 'How many')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Wait at most SECS for another migrate of the same database [default: forever]')
            [CompletionResult]::new('--lock-timeout-ddl', '--lock-timeout-ddl', [CompletionResultType]::ParameterName, 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file''s `lock_timeout:` wins)')
            [CompletionResult]::new('--lock-retries', '--lock-retries', [CompletionResultType]::ParameterName, 'How often a migration that got no lock in time is tried again')
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'Where the migration files are [default: the SQL directory''s migrations/]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--allow-modified', '--allow-modified', [CompletionResultType]::ParameterName, 'Go ahead although an applied migration''s file was edited or deleted')
            [CompletionResult]::new('--allow-out-of-order', '--allow-out-of-order', [CompletionResultType]::ParameterName, 'Apply pending migrations older than the newest applied one (a branch merged late)')
            [CompletionResult]::new('--snapshot', '--snapshot', [CompletionResultType]::ParameterName, 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)')
            [CompletionResult]::new('--unsafe', '--unsafe', [CompletionResultType]::ParameterName, 'Go ahead although a pending migration has dangerous lint findings (they are printed)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan (`migrate plan`) instead of applying anything')
            [CompletionResult]::new('--dump', '--dump', [CompletionResultType]::ParameterName, 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;migrate;redo' {
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'Wait at most SECS for another migrate of the same database [default: forever]')
            [CompletionResult]::new('--lock-timeout-ddl', '--lock-timeout-ddl', [CompletionResultType]::ParameterName, 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file''s `lock_timeout:` wins)')
            [CompletionResult]::new('--lock-retries', '--lock-retries', [CompletionResultType]::ParameterName, 'How often a migration that got no lock in time is tried again')
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'Where the migration files are [default: the SQL directory''s migrations/]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--allow-modified', '--allow-modified', [CompletionResultType]::ParameterName, 'Go ahead although an applied migration''s file was edited or deleted')
            [CompletionResult]::new('--allow-out-of-order', '--allow-out-of-order', [CompletionResultType]::ParameterName, 'Apply pending migrations older than the newest applied one (a branch merged late)')
            [CompletionResult]::new('--snapshot', '--snapshot', [CompletionResultType]::ParameterName, 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)')
            [CompletionResult]::new('--unsafe', '--unsafe', [CompletionResultType]::ParameterName, 'Go ahead although a pending migration has dangerous lint findings (they are printed)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan (`migrate plan`) instead of applying anything')
            [CompletionResult]::new('--dump', '--dump', [CompletionResultType]::ParameterName, 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;migrate;import-legacy' {
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'Where the migration files are [default: the SQL directory''s migrations/]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan; write and record nothing')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;migrate;lint' {
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'Where the migration files are [default: the SQL directory''s migrations/]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (fields documented in docs/migrations.md)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;migrate;plan' {
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'Where the migration files are [default: the SQL directory''s migrations/]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (fields documented in docs/migrations.md)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;migrate;status' {
            [CompletionResult]::new('--migrations-dir', '--migrations-dir', [CompletionResultType]::ParameterName, 'Where the migration files are [default: the SQL directory''s migrations/]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (fields documented in docs/migrations.md)')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when anything is pending')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;migrate;help' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Write an empty migration, <migrations dir>/<UTC YYYYMMDDHHMMSS>_<name>.sql; print its path')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Apply every pending migration in version order (what `migrate` alone does)')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Revert the last applied migrations')
            [CompletionResult]::new('redo', 'redo', [CompletionResultType]::ParameterValue, 'Revert the last applied migration and apply it again')
            [CompletionResult]::new('import-legacy', 'import-legacy', [CompletionResultType]::ParameterValue, 'Convert the old Python migrations into migration files, and record as applied the ones the database''s schema_information says ran')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check migrations for statements that lock or rewrite busy tables, without a database; exit 8 when one is dangerous and not annotated')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'For each pending migration''s statements: the lock it takes on which table, the table''s size, and the sessions holding a conflicting lock now; runs nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Every migration and its state: applied, pending, modified or missing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cruddur-db;migrate;help;new' {
            break
        }
        'cruddur-db;migrate;help;up' {
            break
        }
        'cruddur-db;migrate;help;down' {
            break
        }
        'cruddur-db;migrate;help;redo' {
            break
        }
        'cruddur-db;migrate;help;import-legacy' {
            break
        }
        'cruddur-db;migrate;help;lint' {
            break
        }
        'cruddur-db;migrate;help;plan' {
            break
        }
        'cruddur-db;migrate;help;status' {
            break
        }
        'cruddur-db;migrate;help;help' {
            break
        }
        'cruddur-db;rds' {
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'State, endpoint, engine, class, storage, security group rules, whether your IP is admitted, CA certificate, and when a stopped instance starts again by itself')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the instance; with --wait, until it is available')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the instance (asks first); with --wait, until it is stopped')
            [CompletionResult]::new('allow-ip', 'allow-ip', [CompletionResultType]::ParameterValue, 'Make the instance''s security group admit your IP on the database port')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Manual DB snapshots of the instance: take, list, delete, restore into a new instance')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print an IAM authentication token for the production URL''s host, port and user (what `aws rds generate-db-auth-token` prints; valid 15 minutes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cruddur-db;rds;status' {
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of text (fields documented in docs/production.md)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;rds;start' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --wait: give up after SECS')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'With --wait: seconds between two DescribeDBInstances calls')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;rds;stop' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --wait: give up after SECS')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'With --wait: seconds between two DescribeDBInstances calls')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;rds;allow-ip' {
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'The IP to admit [default: $GITPOD_IP, $CODESPACES_IP, $MY_IP, else asked of checkip.amazonaws.com]')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The rule''s description, which is how the rule is found again next time [default: cruddur-db USER@HOSTNAME]')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the rule before and after; change nothing')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;rds;snapshot' {
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a manual snapshot, tagged created-by=cruddur-db')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The instance''s snapshots taken by cruddur-db: name, state, created, size, engine version, percent done')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a snapshot (asks for its name to be typed)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a snapshot into a new instance (never over the running one); print its endpoint')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cruddur-db;rds;snapshot;create' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --wait: give up after SECS')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'With --wait: seconds between two DescribeDBInstances calls')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;rds;snapshot;list' {
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every snapshot of the instance, manual and automated, not only cruddur-db''s')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (fields documented in docs/production.md)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;rds;snapshot;delete' {
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete a snapshot cruddur-db did not take')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;rds;snapshot;restore' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The new instance''s identifier')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --wait: give up after SECS')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'With --wait: seconds between two DescribeDBInstances calls')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;rds;snapshot;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a manual snapshot, tagged created-by=cruddur-db')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The instance''s snapshots taken by cruddur-db: name, state, created, size, engine version, percent done')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a snapshot (asks for its name to be typed)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a snapshot into a new instance (never over the running one); print its endpoint')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cruddur-db;rds;snapshot;help;create' {
            break
        }
        'cruddur-db;rds;snapshot;help;list' {
            break
        }
        'cruddur-db;rds;snapshot;help;delete' {
            break
        }
        'cruddur-db;rds;snapshot;help;restore' {
            break
        }
        'cruddur-db;rds;snapshot;help;help' {
            break
        }
        'cruddur-db;rds;token' {
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON: the token, host, port, user, region and when it expires')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;rds;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'State, endpoint, engine, class, storage, security group rules, whether your IP is admitted, CA certificate, and when a stopped instance starts again by itself')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the instance; with --wait, until it is available')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the instance (asks first); with --wait, until it is stopped')
            [CompletionResult]::new('allow-ip', 'allow-ip', [CompletionResultType]::ParameterValue, 'Make the instance''s security group admit your IP on the database port')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Manual DB snapshots of the instance: take, list, delete, restore into a new instance')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print an IAM authentication token for the production URL''s host, port and user (what `aws rds generate-db-auth-token` prints; valid 15 minutes)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cruddur-db;rds;help;status' {
            break
        }
        'cruddur-db;rds;help;start' {
            break
        }
        'cruddur-db;rds;help;stop' {
            break
        }
        'cruddur-db;rds;help;allow-ip' {
            break
        }
        'cruddur-db;rds;help;snapshot' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a manual snapshot, tagged created-by=cruddur-db')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The instance''s snapshots taken by cruddur-db: name, state, created, size, engine version, percent done')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a snapshot (asks for its name to be typed)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a snapshot into a new instance (never over the running one); print its endpoint')
            break
        }
        'cruddur-db;rds;help;snapshot;create' {
            break
        }
        'cruddur-db;rds;help;snapshot;list' {
            break
        }
        'cruddur-db;rds;help;snapshot;delete' {
            break
        }
        'cruddur-db;rds;help;snapshot;restore' {
            break
        }
        'cruddur-db;rds;help;token' {
            break
        }
        'cruddur-db;rds;help;help' {
            break
        }
        'cruddur-db;snapshot' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Copy the target database into a snapshot [default NAME: the time, 20261126-053944]')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the target database with a copy of snapshot NAME (the snapshot stays)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the target database''s snapshots (every database''s with --all)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete snapshot NAME of the target database')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cruddur-db;snapshot;save' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'End the sessions connected to the database first (the copy needs it to itself)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;snapshot;restore' {
            [CompletionResult]::new('--from-db', '--from-db', [CompletionResultType]::ParameterName, 'Restore a snapshot taken of this other database')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'End the sessions connected to the target database first')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;snapshot;list' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Snapshots of every database on the server')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON instead of a table (fields documented in docs/setup.md)')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;snapshot;delete' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;snapshot;help' {
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Copy the target database into a snapshot [default NAME: the time, 20261126-053944]')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the target database with a copy of snapshot NAME (the snapshot stays)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the target database''s snapshots (every database''s with --all)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete snapshot NAME of the target database')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cruddur-db;snapshot;help;save' {
            break
        }
        'cruddur-db;snapshot;help;restore' {
            break
        }
        'cruddur-db;snapshot;help;list' {
            break
        }
        'cruddur-db;snapshot;help;delete' {
            break
        }
        'cruddur-db;snapshot;help;help' {
            break
        }
        'cruddur-db;completions' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour status lines')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done')
            [CompletionResult]::new('--maintenance-db', '--maintenance-db', [CompletionResultType]::ParameterName, 'Database that create, drop and sessions connect to [default: postgres, then template1]')
            [CompletionResult]::new('--sql-dir', '--sql-dir', [CompletionResultType]::ParameterName, 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]')
            [CompletionResult]::new('--prod', '--prod', [CompletionResultType]::ParameterName, 'Target PROD_CONNECTION_URL instead of CONNECTION_URL')
            [CompletionResult]::new('--iam', '--iam', [CompletionResultType]::ParameterName, 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (for CI)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print fewer status lines (errors still show)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more: each SQL statement sent, and the connection used')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'cruddur-db;help' {
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Open psql on the target database (the password travels in psql''s environment)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create the target database')
            [CompletionResult]::new('drop', 'drop', [CompletionResultType]::ParameterValue, 'Drop the target database')
            [CompletionResult]::new('schema-load', 'schema-load', [CompletionResultType]::ParameterValue, 'Run a schema file against the target database [default: sql/schema.sql]')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Run a seed file against the target database [default: sql/seed.sql]')
            [CompletionResult]::new('sessions', 'sessions', [CompletionResultType]::ParameterValue, 'List the sessions connected to the target database')
            [CompletionResult]::new('kill', 'kill', [CompletionResultType]::ParameterValue, 'End sessions connected to the target database (every other one unless filtered)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check each step from the environment to a working database; stop at the first broken one')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Why the database is slow, bloated, blocked or unused: one report, or (without one) a health summary that prints each finding with the command that fixes it')
            [CompletionResult]::new('dump', 'dump', [CompletionResultType]::ParameterValue, 'Write the database''s schema as a SQL file, read from its catalogs (no pg_dump needed): deterministic, in dependency order')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Print the SQL that makes one schema equal to another (default: what makes the database match its files), ordered and safe on tables that hold rows')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Prepare every query file of the application against the schema (never executing one): the parameters and columns each gets, or the error it would meet, at its file:line')
            [CompletionResult]::new('erd', 'erd', [CompletionResultType]::ParameterValue, 'Draw the schema as Mermaid erDiagram blocks in Markdown: tables, keys, and every relation (foreign keys, and the ones column names imply)')
            [CompletionResult]::new('docs', 'docs', [CompletionResultType]::ParameterValue, 'Write the schema''s documentation (a page per table, the diagrams, views and functions) into DIR, or with --check say in words how DIR differs from the schema')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Rebuild the target database from schema.sql and seed.sql aside, then swap it in (a cached template of unchanged files is cloned instead of loaded)')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Rebuild the development database from the files with production''s rows in place of the seed: a masked (sql/copy.toml), referentially complete subset, read in one read-only snapshot; production is never written (see docs/copy.md)')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'List the template cache of the target database, with size and age')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Lint and apply every pending migration (dbmate''s format), or `migrate new|up|down|redo|status|lint|plan`')
            [CompletionResult]::new('rds', 'rds', [CompletionResultType]::ParameterValue, 'The production RDS instance: status, start, stop, a security group rule for your IP, DB snapshots, and IAM authentication tokens')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Save the development database aside and restore it in a second (never production)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'cruddur-db;help;connect' {
            break
        }
        'cruddur-db;help;create' {
            break
        }
        'cruddur-db;help;drop' {
            break
        }
        'cruddur-db;help;schema-load' {
            break
        }
        'cruddur-db;help;seed' {
            break
        }
        'cruddur-db;help;sessions' {
            break
        }
        'cruddur-db;help;kill' {
            break
        }
        'cruddur-db;help;doctor' {
            break
        }
        'cruddur-db;help;inspect' {
            break
        }
        'cruddur-db;help;dump' {
            break
        }
        'cruddur-db;help;diff' {
            break
        }
        'cruddur-db;help;check' {
            break
        }
        'cruddur-db;help;erd' {
            break
        }
        'cruddur-db;help;docs' {
            break
        }
        'cruddur-db;help;setup' {
            break
        }
        'cruddur-db;help;copy' {
            break
        }
        'cruddur-db;help;templates' {
            break
        }
        'cruddur-db;help;migrate' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Write an empty migration, <migrations dir>/<UTC YYYYMMDDHHMMSS>_<name>.sql; print its path')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Apply every pending migration in version order (what `migrate` alone does)')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Revert the last applied migrations')
            [CompletionResult]::new('redo', 'redo', [CompletionResultType]::ParameterValue, 'Revert the last applied migration and apply it again')
            [CompletionResult]::new('import-legacy', 'import-legacy', [CompletionResultType]::ParameterValue, 'Convert the old Python migrations into migration files, and record as applied the ones the database''s schema_information says ran')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check migrations for statements that lock or rewrite busy tables, without a database; exit 8 when one is dangerous and not annotated')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'For each pending migration''s statements: the lock it takes on which table, the table''s size, and the sessions holding a conflicting lock now; runs nothing')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Every migration and its state: applied, pending, modified or missing')
            break
        }
        'cruddur-db;help;migrate;new' {
            break
        }
        'cruddur-db;help;migrate;up' {
            break
        }
        'cruddur-db;help;migrate;down' {
            break
        }
        'cruddur-db;help;migrate;redo' {
            break
        }
        'cruddur-db;help;migrate;import-legacy' {
            break
        }
        'cruddur-db;help;migrate;lint' {
            break
        }
        'cruddur-db;help;migrate;plan' {
            break
        }
        'cruddur-db;help;migrate;status' {
            break
        }
        'cruddur-db;help;rds' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'State, endpoint, engine, class, storage, security group rules, whether your IP is admitted, CA certificate, and when a stopped instance starts again by itself')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the instance; with --wait, until it is available')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the instance (asks first); with --wait, until it is stopped')
            [CompletionResult]::new('allow-ip', 'allow-ip', [CompletionResultType]::ParameterValue, 'Make the instance''s security group admit your IP on the database port')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Manual DB snapshots of the instance: take, list, delete, restore into a new instance')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print an IAM authentication token for the production URL''s host, port and user (what `aws rds generate-db-auth-token` prints; valid 15 minutes)')
            break
        }
        'cruddur-db;help;rds;status' {
            break
        }
        'cruddur-db;help;rds;start' {
            break
        }
        'cruddur-db;help;rds;stop' {
            break
        }
        'cruddur-db;help;rds;allow-ip' {
            break
        }
        'cruddur-db;help;rds;snapshot' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Take a manual snapshot, tagged created-by=cruddur-db')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The instance''s snapshots taken by cruddur-db: name, state, created, size, engine version, percent done')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a snapshot (asks for its name to be typed)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a snapshot into a new instance (never over the running one); print its endpoint')
            break
        }
        'cruddur-db;help;rds;snapshot;create' {
            break
        }
        'cruddur-db;help;rds;snapshot;list' {
            break
        }
        'cruddur-db;help;rds;snapshot;delete' {
            break
        }
        'cruddur-db;help;rds;snapshot;restore' {
            break
        }
        'cruddur-db;help;rds;token' {
            break
        }
        'cruddur-db;help;snapshot' {
            [CompletionResult]::new('save', 'save', [CompletionResultType]::ParameterValue, 'Copy the target database into a snapshot [default NAME: the time, 20261126-053944]')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the target database with a copy of snapshot NAME (the snapshot stays)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the target database''s snapshots (every database''s with --all)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete snapshot NAME of the target database')
            break
        }
        'cruddur-db;help;snapshot;save' {
            break
        }
        'cruddur-db;help;snapshot;restore' {
            break
        }
        'cruddur-db;help;snapshot;list' {
            break
        }
        'cruddur-db;help;snapshot;delete' {
            break
        }
        'cruddur-db;help;completions' {
            break
        }
        'cruddur-db;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
