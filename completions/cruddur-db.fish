# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_cruddur_db_global_optspecs
    string join \n prod iam url= y/yes color= q/quiet v/verbose wait= maintenance-db= sql-dir= h/help V/version
end

function __fish_cruddur_db_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_cruddur_db_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_cruddur_db_using_subcommand
    set -l cmd (__fish_cruddur_db_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -s V -l version -d 'Print version'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "connect" -d 'Open psql on the target database (the password travels in psql\'s environment)'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "create" -d 'Create the target database'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "drop" -d 'Drop the target database'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "schema-load" -d 'Run a schema file against the target database [default: sql/schema.sql]'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "seed" -d 'Run a seed file against the target database [default: sql/seed.sql]'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "sessions" -d 'List the sessions connected to the target database'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "kill" -d 'End sessions connected to the target database (every other one unless filtered)'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "doctor" -d 'Check each step from the environment to a working database; stop at the first broken one'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "inspect" -d 'Why the database is slow, bloated, blocked or unused: one report, or (without one) a health summary that prints each finding with the command that fixes it'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "dump" -d 'Write the database\'s schema as a SQL file, read from its catalogs (no pg_dump needed): deterministic, in dependency order'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "diff" -d 'Print the SQL that makes one schema equal to another (default: what makes the database match its files), ordered and safe on tables that hold rows'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "check" -d 'Prepare every query file of the application against the schema (never executing one): the parameters and columns each gets, or the error it would meet, at its file:line'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "erd" -d 'Draw the schema as Mermaid erDiagram blocks in Markdown: tables, keys, and every relation (foreign keys, and the ones column names imply)'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "docs" -d 'Write the schema\'s documentation (a page per table, the diagrams, views and functions) into DIR, or with --check say in words how DIR differs from the schema'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "setup" -d 'Rebuild the target database from schema.sql and seed.sql aside, then swap it in (a cached template of unchanged files is cloned instead of loaded)'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "copy" -d 'Rebuild the development database from the files with production\'s rows in place of the seed: a masked (sql/copy.toml), referentially complete subset, read in one read-only snapshot; production is never written (see docs/copy.md)'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "templates" -d 'List the template cache of the target database, with size and age'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "migrate" -d 'Lint and apply every pending migration (dbmate\'s format), or `migrate new|up|down|redo|status|lint|plan`'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "rds" -d 'The production RDS instance: status, start, stop, a security group rule for your IP, DB snapshots, and IAM authentication tokens'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "snapshot" -d 'Save the development database aside and restore it in a second (never production)'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c cruddur-db -n "__fish_cruddur_db_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand connect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -l if-not-exists -d 'Succeed without doing anything when the database already exists'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -l if-exists -d 'Succeed without doing anything when the database does not exist'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -l force -d 'End the other sessions connected to the database first'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand drop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -l set -d 'Define psql variable NAME for the SQL files (repeatable), as psql\'s -v NAME=VALUE' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -l no-transaction -d 'Run statement by statement instead of in one transaction (for CREATE INDEX CONCURRENTLY, VACUUM and other statements that refuse a transaction block)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -l snapshot -d 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand schema-load" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -l set -d 'Define psql variable NAME for the SQL files (repeatable), as psql\'s -v NAME=VALUE' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -l no-transaction -d 'Run statement by statement instead of in one transaction (for CREATE INDEX CONCURRENTLY, VACUUM and other statements that refuse a transaction block)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -l snapshot -d 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand seed" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l user -d 'Only sessions of this user (role)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l app -d 'Only sessions whose application_name is NAME' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l state -d 'Only sessions in this state: active, idle, "idle in transaction", ...' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l watch -d 'Redraw every SECS seconds (default 2) until Ctrl-C' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l all -d 'Every database on the server, not only the target\'s'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l json -d 'Print JSON instead of a table (fields documented in docs/production.md)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand sessions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l user -d 'Only sessions of this user (role)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l app -d 'Only sessions whose application_name is NAME' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l pid -d 'End exactly these sessions (repeatable); it is an error if one is not there' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l idle-for -d 'Only sessions idle (or idle in a transaction) for at least SECS seconds' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l all -d 'Every database on the server, not only the target\'s'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l dry-run -d 'List what would be ended, and end nothing'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand kill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -l my-ip -d 'Your public IP, named in the hint when an RDS host does not answer [default: $MY_IP or $GITPOD_IP]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -l json -d 'Print the checklist as JSON (fields documented in docs/commands.md)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l limit -d 'At most N rows per report' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l min -d 'long-running: queries running for longer than SECS' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l timeout -d 'How long each report\'s query may run before it is cancelled' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l min-bytes -d 'Health summary: an unused index smaller than this (or on a table of fewer than 1,000 rows) is not a finding' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l json -d 'Print JSON instead of a table (fields documented in docs/inspect.md)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -l data -d 'Also write these tables\' rows, as COPY (small reference tables)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -l owners -d 'Also each object\'s owner (`ALTER ... OWNER TO`): the roles must exist where it loads'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -l privileges -d 'Also privileges (`GRANT`, `REVOKE`, `ALTER DEFAULT PRIVILEGES`)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand dump" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l from -d 'The schema to start from: db, files, url:CONNSTRING, snapshot:NAME or file:PATH' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l to -d 'The schema to reach, as --from' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l scratch-url -d 'Build scratch databases (for files, file: and snapshot:) on this server instead of CONNECTION_URL\'s' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l lock-timeout -d 'How long each phase of the plan may wait for a table lock before it gives up (`SET lock_timeout`), rather than queue the application behind a long transaction (0: as long as it takes)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l exit-code -d 'Exit 1 when the schemas differ and 0 when not, like `git diff --exit-code`'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l json -d 'Print the changes as JSON: kind, name, change, SQL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l owners -d 'Also each object\'s owner (`ALTER ... OWNER TO`): the roles must exist where it loads'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l privileges -d 'Also privileges (`GRANT`, `REVOKE`, `ALTER DEFAULT PRIVILEGES`)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l against -d 'The schema to check against: files (schema.sql and the migrations, built into a scratch database), db, url:CONNSTRING, snapshot:NAME or file:PATH' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l scratch-url -d 'Build the scratch database (for files and file:) on this server instead of CONNECTION_URL\'s' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l json -d 'Print one JSON object per query: file, line, ok, error, params, columns'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l watch -d 'Check again whenever a query file, schema.sql or a migration changes, until Ctrl-C'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l from -d 'The schema to draw: files (schema.sql and the migrations, built into a scratch database), db, url:CONNSTRING, snapshot:NAME or file:PATH' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l depth -d 'With TABLE...: how many relations away from them to draw' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l format -d 'mermaid: Markdown with erDiagram blocks (GitHub renders them); svg: one picture drawn by cruddur-db itself' -r -f -a "mermaid\t''
svg\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -s o -l output -d 'Write the Markdown to FILE instead of standard output' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l scratch-url -d 'Build the scratch database (for files and file:) on this server instead of CONNECTION_URL\'s' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand erd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -l from -d 'The schema to document: files (schema.sql and the migrations, built into a scratch database), db, url:CONNSTRING, snapshot:NAME or file:PATH' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -l scratch-url -d 'Build the scratch database (for files and file:) on this server instead of CONNECTION_URL\'s' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -l check -d 'Write nothing: exit 0 when DIR is what the schema gives, else 1, saying in words what changed'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand docs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l lock-timeout -d 'Wait at most SECS for another setup of the same database to finish [default: forever]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l set -d 'Define psql variable NAME for the SQL files (repeatable), as psql\'s -v NAME=VALUE' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l force -d 'End other sessions connected to the database before replacing it'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l aside -d 'Build a new database aside and swap it in, even when the existing one could be reset in place in one transaction'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l no-template -d 'Load the files even when a cached template of them exists, and keep none (also CRUDDUR_DB_TEMPLATE=off)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l rebuild-template -d 'Load the files and replace the cached template with the result'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l snapshot -d 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand setup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l from -d 'The database to read: url:CONNSTRING [default: PROD_CONNECTION_URL, reached as every production connection is]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l lock-timeout -d 'Wait at most SECS for a setup or copy of the same database to finish [default: forever]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l plan -d 'Print each table, the rows it would take, the path from the start rows and each column\'s rule; write nothing'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l init -d 'Write a starter sql/copy.toml from the project\'s schema, a guessed rule per column, marked for review (copy refuses until the mark is deleted)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l force -d 'End other sessions connected to the development database before replacing it'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand copy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -l prune -d 'Drop the target\'s templates that the current files would not use'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -l drop-all -d 'Drop all of the target\'s templates'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -l json -d 'Print JSON instead of a table'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand templates" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l lock-timeout -d 'Wait at most SECS for another migrate of the same database [default: forever]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l lock-timeout-ddl -d 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file\'s `lock_timeout:` wins)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l lock-retries -d 'How often a migration that got no lock in time is tried again' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l migrations-dir -d 'Where the migration files are [default: the SQL directory\'s migrations/]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l allow-modified -d 'Go ahead although an applied migration\'s file was edited or deleted'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l allow-out-of-order -d 'Apply pending migrations older than the newest applied one (a branch merged late)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l snapshot -d 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l unsafe -d 'Go ahead although a pending migration has dangerous lint findings (they are printed)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l dry-run -d 'Print the plan (`migrate plan`) instead of applying anything'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l dump -d 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -f -a "new" -d 'Write an empty migration, <migrations dir>/<UTC YYYYMMDDHHMMSS>_<name>.sql; print its path'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -f -a "up" -d 'Apply every pending migration in version order (what `migrate` alone does)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -f -a "down" -d 'Revert the last applied migrations'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -f -a "redo" -d 'Revert the last applied migration and apply it again'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -f -a "import-legacy" -d 'Convert the old Python migrations into migration files, and record as applied the ones the database\'s schema_information says ran'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -f -a "lint" -d 'Check migrations for statements that lock or rewrite busy tables, without a database; exit 8 when one is dangerous and not annotated'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -f -a "plan" -d 'For each pending migration\'s statements: the lock it takes on which table, the table\'s size, and the sessions holding a conflicting lock now; runs nothing'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -f -a "status" -d 'Every migration and its state: applied, pending, modified or missing'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and not __fish_seen_subcommand_from new up down redo import-legacy lint plan status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l from -d 'With --diff: the schema to start from [default: db]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l to -d 'With --diff: the schema to reach [default: file:<the project\'s sql/schema.sql>]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l scratch-url -d 'With --diff: build scratch databases on this server instead of CONNECTION_URL\'s' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l lock-timeout -d 'How long each phase of the plan may wait for a table lock before it gives up (`SET lock_timeout`), rather than queue the application behind a long transaction (0: as long as it takes)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l migrations-dir -d 'Where the migration files are [default: the SQL directory\'s migrations/]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l diff -d 'Write the SQL that brings the database (as its migrations left it) to schema.sql, and back in `migrate:down`, instead of an empty migration'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l lock-timeout -d 'Wait at most SECS for another migrate of the same database [default: forever]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l lock-timeout-ddl -d 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file\'s `lock_timeout:` wins)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l lock-retries -d 'How often a migration that got no lock in time is tried again' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l migrations-dir -d 'Where the migration files are [default: the SQL directory\'s migrations/]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l allow-modified -d 'Go ahead although an applied migration\'s file was edited or deleted'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l allow-out-of-order -d 'Apply pending migrations older than the newest applied one (a branch merged late)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l snapshot -d 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l unsafe -d 'Go ahead although a pending migration has dangerous lint findings (they are printed)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l dry-run -d 'Print the plan (`migrate plan`) instead of applying anything'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l dump -d 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l steps -d 'How many' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l lock-timeout -d 'Wait at most SECS for another migrate of the same database [default: forever]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l lock-timeout-ddl -d 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file\'s `lock_timeout:` wins)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l lock-retries -d 'How often a migration that got no lock in time is tried again' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l migrations-dir -d 'Where the migration files are [default: the SQL directory\'s migrations/]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l allow-modified -d 'Go ahead although an applied migration\'s file was edited or deleted'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l allow-out-of-order -d 'Apply pending migrations older than the newest applied one (a branch merged late)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l snapshot -d 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l unsafe -d 'Go ahead although a pending migration has dangerous lint findings (they are printed)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l dry-run -d 'Print the plan (`migrate plan`) instead of applying anything'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l dump -d 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l lock-timeout -d 'Wait at most SECS for another migrate of the same database [default: forever]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l lock-timeout-ddl -d 'How long each statement may wait for a table lock before the migration is rolled back and tried again (0: as long as it takes; a file\'s `lock_timeout:` wins)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l lock-retries -d 'How often a migration that got no lock in time is tried again' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l migrations-dir -d 'Where the migration files are [default: the SQL directory\'s migrations/]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l allow-modified -d 'Go ahead although an applied migration\'s file was edited or deleted'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l allow-out-of-order -d 'Apply pending migrations older than the newest applied one (a branch merged late)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l snapshot -d 'With --prod: take an RDS snapshot of the instance and wait until it is available before changing anything (also CRUDDUR_DB_SNAPSHOT_BEFORE_PROD=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l unsafe -d 'Go ahead although a pending migration has dangerous lint findings (they are printed)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l dry-run -d 'Print the plan (`migrate plan`) instead of applying anything'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l dump -d 'Rewrite sql/schema.sql from the database (with the migration history) after the migrations apply, as dbmate does (also CRUDDUR_DB_DUMP_SCHEMA=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from redo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -l migrations-dir -d 'Where the migration files are [default: the SQL directory\'s migrations/]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -l dry-run -d 'Print the plan; write and record nothing'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from import-legacy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -l migrations-dir -d 'Where the migration files are [default: the SQL directory\'s migrations/]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -l json -d 'Print JSON instead of text (fields documented in docs/migrations.md)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l migrations-dir -d 'Where the migration files are [default: the SQL directory\'s migrations/]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l json -d 'Print JSON instead of text (fields documented in docs/migrations.md)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -l migrations-dir -d 'Where the migration files are [default: the SQL directory\'s migrations/]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -l json -d 'Print JSON instead of a table (fields documented in docs/migrations.md)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -l exit-code -d 'Exit 1 when anything is pending'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "new" -d 'Write an empty migration, <migrations dir>/<UTC YYYYMMDDHHMMSS>_<name>.sql; print its path'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "up" -d 'Apply every pending migration in version order (what `migrate` alone does)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "down" -d 'Revert the last applied migrations'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "redo" -d 'Revert the last applied migration and apply it again'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "import-legacy" -d 'Convert the old Python migrations into migration files, and record as applied the ones the database\'s schema_information says ran'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "lint" -d 'Check migrations for statements that lock or rewrite busy tables, without a database; exit 8 when one is dangerous and not annotated'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "plan" -d 'For each pending migration\'s statements: the lock it takes on which table, the table\'s size, and the sessions holding a conflicting lock now; runs nothing'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "status" -d 'Every migration and its state: applied, pending, modified or missing'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -l instance -d 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL\'s host]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -l region -d 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL\'s host, else the profile\'s]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -f -a "status" -d 'State, endpoint, engine, class, storage, security group rules, whether your IP is admitted, CA certificate, and when a stopped instance starts again by itself'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -f -a "start" -d 'Start the instance; with --wait, until it is available'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -f -a "stop" -d 'Stop the instance (asks first); with --wait, until it is stopped'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -f -a "allow-ip" -d 'Make the instance\'s security group admit your IP on the database port'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -f -a "snapshot" -d 'Manual DB snapshots of the instance: take, list, delete, restore into a new instance'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -f -a "token" -d 'Print an IAM authentication token for the production URL\'s host, port and user (what `aws rds generate-db-auth-token` prints; valid 15 minutes)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and not __fish_seen_subcommand_from status start stop allow-ip snapshot token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -l instance -d 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL\'s host]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -l region -d 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL\'s host, else the profile\'s]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -l json -d 'Print JSON instead of text (fields documented in docs/production.md)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l timeout -d 'With --wait: give up after SECS' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l poll -d 'With --wait: seconds between two DescribeDBInstances calls' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l instance -d 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL\'s host]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l region -d 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL\'s host, else the profile\'s]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l timeout -d 'With --wait: give up after SECS' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l poll -d 'With --wait: seconds between two DescribeDBInstances calls' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l instance -d 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL\'s host]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l region -d 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL\'s host, else the profile\'s]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l ip -d 'The IP to admit [default: $GITPOD_IP, $CODESPACES_IP, $MY_IP, else asked of checkip.amazonaws.com]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l description -d 'The rule\'s description, which is how the rule is found again next time [default: cruddur-db USER@HOSTNAME]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l instance -d 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL\'s host]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l region -d 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL\'s host, else the profile\'s]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l dry-run -d 'Print the rule before and after; change nothing'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from allow-ip" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -l instance -d 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL\'s host]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -l region -d 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL\'s host, else the profile\'s]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -f -a "create" -d 'Take a manual snapshot, tagged created-by=cruddur-db'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -f -a "list" -d 'The instance\'s snapshots taken by cruddur-db: name, state, created, size, engine version, percent done'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -f -a "delete" -d 'Delete a snapshot (asks for its name to be typed)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -f -a "restore" -d 'Restore a snapshot into a new instance (never over the running one); print its endpoint'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from snapshot" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -l instance -d 'The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from PROD_CONNECTION_URL\'s host]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -l region -d 'The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL\'s host, else the profile\'s]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -l json -d 'Print JSON: the token, host, port, user, region and when it expires'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from help" -f -a "status" -d 'State, endpoint, engine, class, storage, security group rules, whether your IP is admitted, CA certificate, and when a stopped instance starts again by itself'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start the instance; with --wait, until it is available'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop the instance (asks first); with --wait, until it is stopped'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from help" -f -a "allow-ip" -d 'Make the instance\'s security group admit your IP on the database port'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from help" -f -a "snapshot" -d 'Manual DB snapshots of the instance: take, list, delete, restore into a new instance'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print an IAM authentication token for the production URL\'s host, port and user (what `aws rds generate-db-auth-token` prints; valid 15 minutes)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand rds; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -f -a "save" -d 'Copy the target database into a snapshot [default NAME: the time, 20261126-053944]'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -f -a "restore" -d 'Replace the target database with a copy of snapshot NAME (the snapshot stays)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -f -a "list" -d 'List the target database\'s snapshots (every database\'s with --all)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -f -a "delete" -d 'Delete snapshot NAME of the target database'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and not __fish_seen_subcommand_from save restore list delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l force -d 'End the sessions connected to the database first (the copy needs it to itself)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l from-db -d 'Restore a snapshot taken of this other database' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l force -d 'End the sessions connected to the target database first'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l all -d 'Snapshots of every database on the server'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l json -d 'Print JSON instead of a table (fields documented in docs/setup.md)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "save" -d 'Copy the target database into a snapshot [default NAME: the time, 20261126-053944]'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Replace the target database with a copy of snapshot NAME (the snapshot stays)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the target database\'s snapshots (every database\'s with --all)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete snapshot NAME of the target database'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -l url -d 'Target this connection string, a URI or keyword/value string as libpq takes (overrides CONNECTION_URL and PROD_CONNECTION_URL)' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -l color -d 'When to colour status lines' -r -f -a "auto\t'Colour when stderr is a terminal and NO_COLOR is not set'
always\t''
never\t''"
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -l wait -d 'Keep retrying the first connection for up to SECS seconds while the server refuses connections or is starting up (CI right after starting a container); `rds start`, `rds stop`, `rds snapshot create` and `rds snapshot restore` wait until what they asked for is done' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -l maintenance-db -d 'Database that create, drop and sessions connect to [default: postgres, then template1]' -r
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -l sql-dir -d 'Directory holding schema.sql and seed.sql [default: the nearest `sql/` from the current directory upward]' -r -F
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -l prod -d 'Target PROD_CONNECTION_URL instead of CONNECTION_URL'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -l iam -d 'Sign in to production with an RDS IAM token (15 minutes, made afresh for every connection) instead of a password; needs sslmode=require or stronger (also CRUDDUR_DB_IAM_AUTH=true)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations (for CI)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -s q -l quiet -d 'Print fewer status lines (errors still show)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -s v -l verbose -d 'Print more: each SQL statement sent, and the connection used'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "connect" -d 'Open psql on the target database (the password travels in psql\'s environment)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "create" -d 'Create the target database'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "drop" -d 'Drop the target database'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "schema-load" -d 'Run a schema file against the target database [default: sql/schema.sql]'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "seed" -d 'Run a seed file against the target database [default: sql/seed.sql]'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "sessions" -d 'List the sessions connected to the target database'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "kill" -d 'End sessions connected to the target database (every other one unless filtered)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "doctor" -d 'Check each step from the environment to a working database; stop at the first broken one'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "inspect" -d 'Why the database is slow, bloated, blocked or unused: one report, or (without one) a health summary that prints each finding with the command that fixes it'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "dump" -d 'Write the database\'s schema as a SQL file, read from its catalogs (no pg_dump needed): deterministic, in dependency order'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "diff" -d 'Print the SQL that makes one schema equal to another (default: what makes the database match its files), ordered and safe on tables that hold rows'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "check" -d 'Prepare every query file of the application against the schema (never executing one): the parameters and columns each gets, or the error it would meet, at its file:line'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "erd" -d 'Draw the schema as Mermaid erDiagram blocks in Markdown: tables, keys, and every relation (foreign keys, and the ones column names imply)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "docs" -d 'Write the schema\'s documentation (a page per table, the diagrams, views and functions) into DIR, or with --check say in words how DIR differs from the schema'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "setup" -d 'Rebuild the target database from schema.sql and seed.sql aside, then swap it in (a cached template of unchanged files is cloned instead of loaded)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "copy" -d 'Rebuild the development database from the files with production\'s rows in place of the seed: a masked (sql/copy.toml), referentially complete subset, read in one read-only snapshot; production is never written (see docs/copy.md)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "templates" -d 'List the template cache of the target database, with size and age'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "migrate" -d 'Lint and apply every pending migration (dbmate\'s format), or `migrate new|up|down|redo|status|lint|plan`'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "rds" -d 'The production RDS instance: status, start, stop, a security group rule for your IP, DB snapshots, and IAM authentication tokens'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "snapshot" -d 'Save the development database aside and restore it in a second (never production)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and not __fish_seen_subcommand_from connect create drop schema-load seed sessions kill doctor inspect dump diff check erd docs setup copy templates migrate rds snapshot completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "new" -d 'Write an empty migration, <migrations dir>/<UTC YYYYMMDDHHMMSS>_<name>.sql; print its path'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "up" -d 'Apply every pending migration in version order (what `migrate` alone does)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "down" -d 'Revert the last applied migrations'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "redo" -d 'Revert the last applied migration and apply it again'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "import-legacy" -d 'Convert the old Python migrations into migration files, and record as applied the ones the database\'s schema_information says ran'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "lint" -d 'Check migrations for statements that lock or rewrite busy tables, without a database; exit 8 when one is dangerous and not annotated'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "plan" -d 'For each pending migration\'s statements: the lock it takes on which table, the table\'s size, and the sessions holding a conflicting lock now; runs nothing'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "status" -d 'Every migration and its state: applied, pending, modified or missing'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from rds" -f -a "status" -d 'State, endpoint, engine, class, storage, security group rules, whether your IP is admitted, CA certificate, and when a stopped instance starts again by itself'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from rds" -f -a "start" -d 'Start the instance; with --wait, until it is available'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from rds" -f -a "stop" -d 'Stop the instance (asks first); with --wait, until it is stopped'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from rds" -f -a "allow-ip" -d 'Make the instance\'s security group admit your IP on the database port'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from rds" -f -a "snapshot" -d 'Manual DB snapshots of the instance: take, list, delete, restore into a new instance'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from rds" -f -a "token" -d 'Print an IAM authentication token for the production URL\'s host, port and user (what `aws rds generate-db-auth-token` prints; valid 15 minutes)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "save" -d 'Copy the target database into a snapshot [default NAME: the time, 20261126-053944]'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "restore" -d 'Replace the target database with a copy of snapshot NAME (the snapshot stays)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "list" -d 'List the target database\'s snapshots (every database\'s with --all)'
complete -c cruddur-db -n "__fish_cruddur_db_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "delete" -d 'Delete snapshot NAME of the target database'
