//! The floor for loading a SQL file: the whole file sent as one simple query, one round trip, no
//! splitting and no error positions. `bench/run.sh` measures cruddur-db against it.
//!
//! Usage: floor URL FILE

use std::error::Error;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(url), Some(file)) = (args.next(), args.next()) else {
        return Err("usage: floor URL FILE".into());
    };
    let sql = std::fs::read_to_string(file)?;
    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await?;
    tokio::spawn(connection);
    // A multi-statement simple query is one implicit transaction, like `psql -1`.
    client.batch_execute(&sql).await?;
    Ok(())
}
