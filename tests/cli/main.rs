//! Integration tests: the real binary against real PostgreSQL clusters started by `harness`.

mod harness;

mod completions;
mod connect;
mod conninfo;
mod corpus;
mod crash;
mod create_drop;
mod doctor;
mod engine;
mod errors;
mod guard;
mod in_place;
mod inspect;
mod kill;
mod layers;
mod load;
mod manpage;
mod migrate;
mod migrate_safety;
mod moto;
mod output;
mod production_reach;
mod psql_files;
mod rds;
mod rebuild;
mod running;
mod schema_code;
mod secrets;
mod sessions;
mod setup;
mod signals;
mod snapshot;
mod terminal;
mod tls;
mod wait;
