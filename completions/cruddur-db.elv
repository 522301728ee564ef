
use builtin;
use str;

set edit:completion:arg-completer[cruddur-db] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'cruddur-db'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'cruddur-db'= {
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand connect 'Open psql on the target database (the password travels in psql''s environment)'
            cand create 'Create the target database'
            cand drop 'Drop the target database'
            cand schema-load 'Run a schema file against the target database [default: sql/schema.sql]'
            cand seed 'Run a seed file against the target database [default: sql/seed.sql]'
            cand sessions 'List the sessions connected to the target database'
            cand kill 'End sessions connected to the target database (every other one unless filtered)'
            cand doctor 'Check each step from the environment to a working database; stop at the first broken one'
            cand inspect 'Why the database is slow, bloated, blocked or unused: one report, or (without one) a health summary that prints each finding with the command that fixes it'
            cand dump 'Write the database''s schema as a SQL file, read from its catalogs (no pg_dump needed): deterministic, in dependency order'
            cand diff 'Print the SQL that makes one schema equal to another (default: what makes the database match its files), ordered and safe on tables that hold rows'
            cand check 'Prepare every query file of the application against the schema (never executing one): the parameters and columns each gets, or the error it would meet, at its file:line'
            cand erd 'Draw the schema as Mermaid erDiagram blocks in Markdown: tables, keys, and every relation (foreign keys, and the ones column names imply)'
            cand docs 'Write the schema''s documentation (a page per table, the diagrams, views and functions) into DIR, or with --check say in words how DIR differs from the schema'
            cand setup 'Rebuild the target database from schema.sql and seed.sql aside, then swap it in (a cached template of unchanged files is cloned instead of loaded)'
            cand copy 'Rebuild the development database from the files with production''s rows in place of the seed: a masked (sql/copy.toml), referentially complete subset, read in one read-only snapshot; production is never written (see docs/copy.md)'
            cand templates 'List the template cache of the target database, with size and age'
            cand migrate 'Lint and apply every pending migration (dbmate''s format), or `migrate new|up|down|redo|status|lint|plan`'
            cand rds 'The production RDS instance: status, start, stop, a security group rule for your IP, DB snapshots, and IAM authentication tokens'
            cand snapshot 'Save the development database aside and restore it in a second (never production)'
            cand completions 'Print a shell completion script to stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cruddur-db;connect'= {
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;create'= {
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --if-not-exists 'Succeed without doing anything when the database already exists'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;drop'= {
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --if-exists 'Succeed without doing anything when the database does not exist'
            cand --force 'End the other sessions connected to the database first'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;schema-load'= {
            cand --set 'Define psql variable NAME for the SQL files (repeatable), as psql''s -v NAME=VALUE'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --no-transaction 'Run statement by statement instead of in one transaction (for CREATE INDEX CONCURRENTLY, VACUUM and other statements that refuse a transaction block)'
            cand --snapshot 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;seed'= {
            cand --set 'Define psql variable NAME for the SQL files (repeatable), as psql''s -v NAME=VALUE'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --no-transaction 'Run statement by statement instead of in one transaction (for CREATE INDEX CONCURRENTLY, VACUUM and other statements that refuse a transaction block)'
            cand --snapshot 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;sessions'= {
            cand --user 'Only sessions of this user (role)'
            cand --app 'Only sessions whose application_name is NAME'
            cand --state 'Only sessions in this state: active, idle, "idle in transaction", ...'
            cand --watch 'Redraw every SECS seconds (default 2) until Ctrl-C'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --all 'Every database on the server, not only the target''s'
            cand --json 'Print JSON instead of a table (fields documented in docs/production.md)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;kill'= {
            cand --user 'Only sessions of this user (role)'
            cand --app 'Only sessions whose application_name is NAME'
            cand --pid 'End exactly these sessions (repeatable); it is an error if one is not there'
            cand --idle-for 'Only sessions idle (or idle in a transaction) for at least SECS seconds'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --all 'Every database on the server, not only the target''s'
            cand --dry-run 'List what would be ended, and end nothing'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;doctor'= {
            cand --my-ip 'Your public IP, named in the hint when an RDS host does not answer [default: $MY_IP or $GITPOD_IP]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --json 'Print the checklist as JSON (fields documented in docs/commands.md)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;inspect'= {
            cand --limit 'At most N rows per report'
            cand --min 'long-running: queries running for longer than SECS'
            cand --timeout 'How long each report''s query may run before it is cancelled'
            cand --min-bytes 'Health summary: an unused index smaller than this (or on a table of fewer than 1,000 rows) is not a finding'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --json 'Print JSON instead of a table (fields documented in docs/inspect.md)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;dump'= {
            cand --data 'Also write these tables'' rows, as COPY (small reference tables)'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --owners 'Also each object''s owner (`ALTER ... OWNER TO`): the roles must exist where it loads'
            cand --privileges 'Also privileges (`GRANT`, `REVOKE`, `ALTER DEFAULT PRIVILEGES`)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;diff'= {
            cand --from 'The schema to start from: db, files, url:CONNSTRING, snapshot:NAME or file:PATH'
            cand --to 'The schema to reach, as --from'
            cand --scratch-url 'Build scratch databases (for files, file: and snapshot:) on this server instead of CONNECTION_URL''s'
            cand --lock-timeout 'How long each phase of the plan may wait for a table lock before it gives up (`SET lock_timeout`), rather than queue the application behind a long transaction (0: as long as it takes)'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --exit-code 'Exit 1 when the schemas differ and 0 when not, like `git diff --exit-code`'
            cand --json 'Print the changes as JSON: kind, name, change, SQL'
            cand --owners 'Also each object''s owner (`ALTER ... OWNER TO`): the roles must exist where it loads'
            cand --privileges 'Also privileges (`GRANT`, `REVOKE`, `ALTER DEFAULT PRIVILEGES`)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;check'= {
            cand --against 'The schema to check against: files (schema.sql and the migrations, built into a scratch database), db, url:CONNSTRING, snapshot:NAME or file:PATH'
            cand --scratch-url 'Build the scratch database (for files and file:) on this server instead of CONNECTION_URL''s'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --json 'Print one JSON object per query: file, line, ok, error, params, columns'
            cand --watch 'Check again whenever a query file, schema.sql or a migration changes, until Ctrl-C'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;erd'= {
            cand --from 'The schema to draw: files (schema.sql and the migrations, built into a scratch database), db, url:CONNSTRING, snapshot:NAME or file:PATH'
            cand --depth 'With TABLE...: how many relations away from them to draw'
            cand --format 'mermaid: Markdown with erDiagram blocks (GitHub renders them); svg: one picture drawn by cruddur-db itself'
            cand -o 'Write the Markdown to FILE instead of standard output'
            cand --output 'Write the Markdown to FILE instead of standard output'
            cand --scratch-url 'Build the scratch database (for files and file:) on this server instead of CONNECTION_URL''s'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;docs'= {
            cand --from 'The schema to document: files (schema.sql and the migrations, built into a scratch database), db, url:CONNSTRING, snapshot:NAME or file:PATH'
            cand --scratch-url 'Build the scratch database (for files and file:) on this server instead of CONNECTION_URL''s'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --check 'Write nothing: exit 0 when DIR is what the schema gives, else 1, saying in words what changed'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;setup'= {
            cand --lock-timeout 'Wait at most SECS for another setup of the same database to finish [default: forever]'
            cand --set 'Define psql variable NAME for the SQL files (repeatable), as psql''s -v NAME=VALUE'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --force 'End other sessions connected to the database before replacing it'
            cand --aside 'Build a new database aside and swap it in, even when the existing one could be reset in place in one transaction'
            cand --no-template 'Load the files even when a cached template of them exists, and keep none (also CRUDDUR_DB_TEMPLATE=off)'
            cand --rebuild-template 'Load the files and replace the cached template with the result'
            cand --snapshot 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;copy'= {
            cand --from 'The database to read: url:CONNSTRING [default: PROD_CONNECTION_URL, reached as every production connection is]'
            cand --lock-timeout 'Wait at most SECS for a setup or copy of the same database to finish [default: forever]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --plan 'Print each table, the rows it would take, the path from the start rows and each column''s rule; write nothing'
            cand --init 'Write a starter sql/copy.toml from the project''s schema, a guessed rule per column, marked for review (copy refuses until the mark is deleted)'
            cand --force 'End other sessions connected to the development database before replacing it'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;templates'= {
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prune 'Drop the target''s templates that the current files would not use'
            cand --drop-all 'Drop all of the target''s templates'
            cand --json 'Print JSON instead of a table'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;migrate'= {
            cand --lock-timeout 'Wait at most SECS for another migrate of the same database [default: forever]'
            cand --lock-timeout-ddl 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file''s `lock_timeout:` wins)'
            cand --lock-retries 'How often a migration that got no lock in time is tried again'
            cand --migrations-dir 'Where the migration files are [default: the SQL directory''s migrations/]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --allow-modified 'Go ahead although an applied migration''s file was edited or deleted'
            cand --allow-out-of-order 'Apply pending migrations older than the newest applied one (a branch merged late)'
            cand --snapshot 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
            cand --unsafe 'Go ahead although a pending migration has dangerous lint findings (they are printed)'
            cand --dry-run 'Print the plan (`migrate plan`) instead of applying anything'
            cand --dump 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand new 'Write an empty migration, <migrations dir>/<UTC YYYYMMDDHHMMSS>_<name>.sql; print its path'
            cand up 'Apply every pending migration in version order (what `migrate` alone does)'
            cand down 'Revert the last applied migrations'
            cand redo 'Revert the last applied migration and apply it again'
            cand import-legacy 'Convert the old Python migrations into migration files, and record as applied the ones the database''s schema_information says ran'
            cand lint 'Check migrations for statements that lock or rewrite busy tables, without a database; exit 8 when one is dangerous and not annotated'
            cand plan 'For each pending migration''s statements: the lock it takes on which table, the table''s size, and the sessions holding a conflicting lock now; runs nothing'
            cand status 'Every migration and its state: applied, pending, modified or missing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cruddur-db;migrate;new'= {
            cand --from 'With --diff: the schema to start from [default: db]'
            cand --to 'With --diff: the schema to reach [default: file:<the project''s sql/schema.sql>]'
            cand --scratch-url 'With --diff: build scratch databases on this server instead of CONNECTION_URL''s'
            cand --lock-timeout 'How long each phase of the plan may wait for a table lock before it gives up (`SET lock_timeout`), rather than queue the application behind a long transaction (0: as long as it takes)'
            cand --migrations-dir 'Where the migration files are [default: the SQL directory''s migrations/]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --diff 'Write the SQL that brings the database (as its migrations left it) to schema.sql, and back in `migrate:down`, instead of an empty migration'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;migrate;up'= {
            cand --lock-timeout 'Wait at most SECS for another migrate of the same database [default: forever]'
            cand --lock-timeout-ddl 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file''s `lock_timeout:` wins)'
            cand --lock-retries 'How often a migration that got no lock in time is tried again'
            cand --migrations-dir 'Where the migration files are [default: the SQL directory''s migrations/]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --allow-modified 'Go ahead although an applied migration''s file was edited or deleted'
            cand --allow-out-of-order 'Apply pending migrations older than the newest applied one (a branch merged late)'
            cand --snapshot 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
            cand --unsafe 'Go ahead although a pending migration has dangerous lint findings (they are printed)'
            cand --dry-run 'Print the plan (`migrate plan`) instead of applying anything'
            cand --dump 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;migrate;down'= {
            cand --steps 'How many'
            cand --lock-timeout 'Wait at most SECS for another migrate of the same database [default: forever]'
            cand --lock-timeout-ddl 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file''s `lock_timeout:` wins)'
            cand --lock-retries 'How often a migration that got no lock in time is tried again'
            cand --migrations-dir 'Where the migration files are [default: the SQL directory''s migrations/]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --allow-modified 'Go ahead although an applied migration''s file was edited or deleted'
            cand --allow-out-of-order 'Apply pending migrations older than the newest applied one (a branch merged late)'
            cand --snapshot 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
            cand --unsafe 'Go ahead although a pending migration has dangerous lint findings (they are printed)'
            cand --dry-run 'Print the plan (`migrate plan`) instead of applying anything'
            cand --dump 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;migrate;redo'= {
            cand --lock-timeout 'Wait at most SECS for another migrate of the same database [default: forever]'
            cand --lock-timeout-ddl 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file''s `lock_timeout:` wins)'
            cand --lock-retries 'How often a migration that got no lock in time is tried again'
            cand --migrations-dir 'Where the migration files are [default: the SQL directory''s migrations/]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --allow-modified 'Go ahead although an applied migration''s file was edited or deleted'
            cand --allow-out-of-order 'Apply pending migrations older than the newest applied one (a branch merged late)'
            cand --snapshot 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
            cand --unsafe 'Go ahead although a pending migration has dangerous lint findings (they are printed)'
            cand --dry-run 'Print the plan (`migrate plan`) instead of applying anything'
            cand --dump 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;migrate;import-legacy'= {
            cand --migrations-dir 'Where the migration files are [default: the SQL directory''s migrations/]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --dry-run 'Print the plan; write and record nothing'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;migrate;lint'= {
            cand --migrations-dir 'Where the migration files are [default: the SQL directory''s migrations/]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --json 'Print JSON instead of text (fields documented in docs/migrations.md)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;migrate;plan'= {
            cand --migrations-dir 'Where the migration files are [default: the SQL directory''s migrations/]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --json 'Print JSON instead of text (fields documented in docs/migrations.md)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;migrate;status'= {
            cand --migrations-dir 'Where the migration files are [default: the SQL directory''s migrations/]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --json 'Print JSON instead of a table (fields documented in docs/migrations.md)'
            cand --exit-code 'Exit 1 when anything is pending'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;migrate;help'= {
            cand new 'Write an empty migration, <migrations dir>/<UTC YYYYMMDDHHMMSS>_<name>.sql; print its path'
            cand up 'Apply every pending migration in version order (what `migrate` alone does)'
            cand down 'Revert the last applied migrations'
            cand redo 'Revert the last applied migration and apply it again'
            cand import-legacy 'Convert the old Python migrations into migration files, and record as applied the ones the database''s schema_information says ran'
            cand lint 'Check migrations for statements that lock or rewrite busy tables, without a database; exit 8 when one is dangerous and not annotated'
            cand plan 'For each pending migration''s statements: the lock it takes on which table, the table''s size, and the sessions holding a conflicting lock now; runs nothing'
            cand status 'Every migration and its state: applied, pending, modified or missing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cruddur-db;migrate;help;new'= {
        }
        &'cruddur-db;migrate;help;up'= {
        }
        &'cruddur-db;migrate;help;down'= {
        }
        &'cruddur-db;migrate;help;redo'= {
        }
        &'cruddur-db;migrate;help;import-legacy'= {
        }
        &'cruddur-db;migrate;help;lint'= {
        }
        &'cruddur-db;migrate;help;plan'= {
        }
        &'cruddur-db;migrate;help;status'= {
        }
        &'cruddur-db;migrate;help;help'= {
        }
        &'cruddur-db;rds'= {
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand status 'State, endpoint, engine, class, storage, security group rules, whether your IP is admitted, CA certificate, and when a stopped instance starts again by itself'
            cand start 'Start the instance; with --wait, until it is available'
            cand stop 'Stop the instance (asks first); with --wait, until it is stopped'
            cand allow-ip 'Make the instance''s security group admit your IP on the database port'
            cand snapshot 'Manual DB snapshots of the instance: take, list, delete, restore into a new instance'
            cand token 'Print an IAM authentication token for the production URL''s host, port and user (what `aws rds generate-db-auth-token` prints; valid 15 minutes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cruddur-db;rds;status'= {
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --json 'Print JSON instead of text (fields documented in docs/production.md)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;rds;start'= {
            cand --timeout 'With --wait: give up after SECS'
            cand --poll 'With --wait: seconds between two DescribeDBInstances calls'
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;rds;stop'= {
            cand --timeout 'With --wait: give up after SECS'
            cand --poll 'With --wait: seconds between two DescribeDBInstances calls'
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;rds;allow-ip'= {
            cand --ip 'The IP to admit [default: $GITPOD_IP, $CODESPACES_IP, $MY_IP, else asked of checkip.amazonaws.com]'
            cand --description 'The rule''s description, which is how the rule is found again next time [default: cruddur-db USER@HOSTNAME]'
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --dry-run 'Print the rule before and after; change nothing'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;rds;snapshot'= {
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand create 'Take a manual snapshot, tagged created-by=cruddur-db'
            cand list 'The instance''s snapshots taken by cruddur-db: name, state, created, size, engine version, percent done'
            cand delete 'Delete a snapshot (asks for its name to be typed)'
            cand restore 'Restore a snapshot into a new instance (never over the running one); print its endpoint'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cruddur-db;rds;snapshot;create'= {
            cand --timeout 'With --wait: give up after SECS'
            cand --poll 'With --wait: seconds between two DescribeDBInstances calls'
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;rds;snapshot;list'= {
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --all 'Every snapshot of the instance, manual and automated, not only cruddur-db''s'
            cand --json 'Print JSON instead of a table (fields documented in docs/production.md)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;rds;snapshot;delete'= {
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --force 'Delete a snapshot cruddur-db did not take'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;rds;snapshot;restore'= {
            cand --as 'The new instance''s identifier'
            cand --timeout 'With --wait: give up after SECS'
            cand --poll 'With --wait: seconds between two DescribeDBInstances calls'
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;rds;snapshot;help'= {
            cand create 'Take a manual snapshot, tagged created-by=cruddur-db'
            cand list 'The instance''s snapshots taken by cruddur-db: name, state, created, size, engine version, percent done'
            cand delete 'Delete a snapshot (asks for its name to be typed)'
            cand restore 'Restore a snapshot into a new instance (never over the running one); print its endpoint'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cruddur-db;rds;snapshot;help;create'= {
        }
        &'cruddur-db;rds;snapshot;help;list'= {
        }
        &'cruddur-db;rds;snapshot;help;delete'= {
        }
        &'cruddur-db;rds;snapshot;help;restore'= {
        }
        &'cruddur-db;rds;snapshot;help;help'= {
        }
        &'cruddur-db;rds;token'= {
            cand --instance 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL''s host]'
            cand --region 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL''s host, else the profile''s]'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --json 'Print JSON: the token, host, port, user, region and when it expires'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;rds;help'= {
            cand status 'State, endpoint, engine, class, storage, security group rules, whether your IP is admitted, CA certificate, and when a stopped instance starts again by itself'
            cand start 'Start the instance; with --wait, until it is available'
            cand stop 'Stop the instance (asks first); with --wait, until it is stopped'
            cand allow-ip 'Make the instance''s security group admit your IP on the database port'
            cand snapshot 'Manual DB snapshots of the instance: take, list, delete, restore into a new instance'
            cand token 'Print an IAM authentication token for the production URL''s host, port and user (what `aws rds generate-db-auth-token` prints; valid 15 minutes)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cruddur-db;rds;help;status'= {
        }
        &'cruddur-db;rds;help;start'= {
        }
        &'cruddur-db;rds;help;stop'= {
        }
        &'cruddur-db;rds;help;allow-ip'= {
        }
        &'cruddur-db;rds;help;snapshot'= {
            cand create 'Take a manual snapshot, tagged created-by=cruddur-db'
            cand list 'The instance''s snapshots taken by cruddur-db: name, state, created, size, engine version, percent done'
            cand delete 'Delete a snapshot (asks for its name to be typed)'
            cand restore 'Restore a snapshot into a new instance (never over the running one); print its endpoint'
        }
        &'cruddur-db;rds;help;snapshot;create'= {
        }
        &'cruddur-db;rds;help;snapshot;list'= {
        }
        &'cruddur-db;rds;help;snapshot;delete'= {
        }
        &'cruddur-db;rds;help;snapshot;restore'= {
        }
        &'cruddur-db;rds;help;token'= {
        }
        &'cruddur-db;rds;help;help'= {
        }
        &'cruddur-db;snapshot'= {
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand save 'Copy the target database into a snapshot [default NAME: the time, 20261126-053944]'
            cand restore 'Replace the target database with a copy of snapshot NAME (the snapshot stays)'
            cand list 'List the target database''s snapshots (every database''s with --all)'
            cand delete 'Delete snapshot NAME of the target database'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cruddur-db;snapshot;save'= {
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --force 'End the sessions connected to the database first (the copy needs it to itself)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;snapshot;restore'= {
            cand --from-db 'Restore a snapshot taken of this other database'
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --force 'End the sessions connected to the target database first'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;snapshot;list'= {
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --all 'Snapshots of every database on the server'
            cand --json 'Print JSON instead of a table (fields documented in docs/setup.md)'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;snapshot;delete'= {
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;snapshot;help'= {
            cand save 'Copy the target database into a snapshot [default NAME: the time, 20261126-053944]'
            cand restore 'Replace the target database with a copy of snapshot NAME (the snapshot stays)'
            cand list 'List the target database''s snapshots (every database''s with --all)'
            cand delete 'Delete snapshot NAME of the target database'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cruddur-db;snapshot;help;save'= {
        }
        &'cruddur-db;snapshot;help;restore'= {
        }
        &'cruddur-db;snapshot;help;list'= {
        }
        &'cruddur-db;snapshot;help;delete'= {
        }
        &'cruddur-db;snapshot;help;help'= {
        }
        &'cruddur-db;completions'= {
            cand --url 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)'
            cand --color 'When to colour status lines'
            cand --wait 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done'
            cand --maintenance-db 'Database that create, drop and sessions connect to [default: postgres, then template1]'
            cand --sql-dir 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]'
            cand --prod 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
            cand --iam 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
            cand -y 'Answer yes to confirmations (for CI)'
            cand --yes 'Answer yes to confirmations (for CI)'
            cand -q 'Print fewer status lines (errors still show)'
            cand --quiet 'Print fewer status lines (errors still show)'
            cand -v 'Print more: each SQL statement sent, and the connection used'
            cand --verbose 'Print more: each SQL statement sent, and the connection used'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'cruddur-db;help'= {
            cand connect 'Open psql on the target database (the password travels in psql''s environment)'
            cand create 'Create the target database'
            cand drop 'Drop the target database'
            cand schema-load 'Run a schema file against the target database [default: sql/schema.sql]'
            cand seed 'Run a seed file against the target database [default: sql/seed.sql]'
            cand sessions 'List the sessions connected to the target database'
            cand kill 'End sessions connected to the target database (every other one unless filtered)'
            cand doctor 'Check each step from the environment to a working database; stop at the first broken one'
            cand inspect 'Why the database is slow, bloated, blocked or unused: one report, or (without one) a health summary that prints each finding with the command that fixes it'
            cand dump 'Write the database''s schema as a SQL file, read from its catalogs (no pg_dump needed): deterministic, in dependency order'
            cand diff 'Print the SQL that makes one schema equal to another (default: what makes the database match its files), ordered and safe on tables that hold rows'
            cand check 'Prepare every query file of the application against the schema (never executing one): the parameters and columns each gets, or the error it would meet, at its file:line'
            cand erd 'Draw the schema as Mermaid erDiagram blocks in Markdown: tables, keys, and every relation (foreign keys, and the ones column names imply)'
            cand docs 'Write the schema''s documentation (a page per table, the diagrams, views and functions) into DIR, or with --check say in words how DIR differs from the schema'
            cand setup 'Rebuild the target database from schema.sql and seed.sql aside, then swap it in (a cached template of unchanged files is cloned instead of loaded)'
            cand copy 'Rebuild the development database from the files with production''s rows in place of the seed: a masked (sql/copy.toml), referentially complete subset, read in one read-only snapshot; production is never written (see docs/copy.md)'
            cand templates 'List the template cache of the target database, with size and age'
            cand migrate 'Lint and apply every pending migration (dbmate''s format), or `migrate new|up|down|redo|status|lint|plan`'
            cand rds 'The production RDS instance: status, start, stop, a security group rule for your IP, DB snapshots, and IAM authentication tokens'
            cand snapshot 'Save the development database aside and restore it in a second (never production)'
            cand completions 'Print a shell completion script to stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'cruddur-db;help;connect'= {
        }
        &'cruddur-db;help;create'= {
        }
        &'cruddur-db;help;drop'= {
        }
        &'cruddur-db;help;schema-load'= {
        }
        &'cruddur-db;help;seed'= {
        }
        &'cruddur-db;help;sessions'= {
        }
        &'cruddur-db;help;kill'= {
        }
        &'cruddur-db;help;doctor'= {
        }
        &'cruddur-db;help;inspect'= {
        }
        &'cruddur-db;help;dump'= {
        }
        &'cruddur-db;help;diff'= {
        }
        &'cruddur-db;help;check'= {
        }
        &'cruddur-db;help;erd'= {
        }
        &'cruddur-db;help;docs'= {
        }
        &'cruddur-db;help;setup'= {
        }
        &'cruddur-db;help;copy'= {
        }
        &'cruddur-db;help;templates'= {
        }
        &'cruddur-db;help;migrate'= {
            cand new 'Write an empty migration, <migrations dir>/<UTC YYYYMMDDHHMMSS>_<name>.sql; print its path'
            cand up 'Apply every pending migration in version order (what `migrate` alone does)'
            cand down 'Revert the last applied migrations'
            cand redo 'Revert the last applied migration and apply it again'
            cand import-legacy 'Convert the old Python migrations into migration files, and record as applied the ones the database''s schema_information says ran'
            cand lint 'Check migrations for statements that lock or rewrite busy tables, without a database; exit 8 when one is dangerous and not annotated'
            cand plan 'For each pending migration''s statements: the lock it takes on which table, the table''s size, and the sessions holding a conflicting lock now; runs nothing'
            cand status 'Every migration and its state: applied, pending, modified or missing'
        }
        &'cruddur-db;help;migrate;new'= {
        }
        &'cruddur-db;help;migrate;up'= {
        }
        &'cruddur-db;help;migrate;down'= {
        }
        &'cruddur-db;help;migrate;redo'= {
        }
        &'cruddur-db;help;migrate;import-legacy'= {
        }
        &'cruddur-db;help;migrate;lint'= {
        }
        &'cruddur-db;help;migrate;plan'= {
        }
        &'cruddur-db;help;migrate;status'= {
        }
        &'cruddur-db;help;rds'= {
            cand status 'State, endpoint, engine, class, storage, security group rules, whether your IP is admitted, CA certificate, and when a stopped instance starts again by itself'
            cand start 'Start the instance; with --wait, until it is available'
            cand stop 'Stop the instance (asks first); with --wait, until it is stopped'
            cand allow-ip 'Make the instance''s security group admit your IP on the database port'
            cand snapshot 'Manual DB snapshots of the instance: take, list, delete, restore into a new instance'
            cand token 'Print an IAM authentication token for the production URL''s host, port and user (what `aws rds generate-db-auth-token` prints; valid 15 minutes)'
        }
        &'cruddur-db;help;rds;status'= {
        }
        &'cruddur-db;help;rds;start'= {
        }
        &'cruddur-db;help;rds;stop'= {
        }
        &'cruddur-db;help;rds;allow-ip'= {
        }
        &'cruddur-db;help;rds;snapshot'= {
            cand create 'Take a manual snapshot, tagged created-by=cruddur-db'
            cand list 'The instance''s snapshots taken by cruddur-db: name, state, created, size, engine version, percent done'
            cand delete 'Delete a snapshot (asks for its name to be typed)'
            cand restore 'Restore a snapshot into a new instance (never over the running one); print its endpoint'
        }
        &'cruddur-db;help;rds;snapshot;create'= {
        }
        &'cruddur-db;help;rds;snapshot;list'= {
        }
        &'cruddur-db;help;rds;snapshot;delete'= {
        }
        &'cruddur-db;help;rds;snapshot;restore'= {
        }
        &'cruddur-db;help;rds;token'= {
        }
        &'cruddur-db;help;snapshot'= {
            cand save 'Copy the target database into a snapshot [default NAME: the time, 20261126-053944]'
            cand restore 'Replace the target database with a copy of snapshot NAME (the snapshot stays)'
            cand list 'List the target database''s snapshots (every database''s with --all)'
            cand delete 'Delete snapshot NAME of the target database'
        }
        &'cruddur-db;help;snapshot;save'= {
        }
        &'cruddur-db;help;snapshot;restore'= {
        }
        &'cruddur-db;help;snapshot;list'= {
        }
        &'cruddur-db;help;snapshot;delete'= {
        }
        &'cruddur-db;help;completions'= {
        }
        &'cruddur-db;help;help'= {
        }
    ]
    $completions[$command]
}
