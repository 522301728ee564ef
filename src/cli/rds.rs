//! The arguments of the `rds` chores and RDS snapshots.

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct RdsArgs {
    #[command(subcommand)]
    pub action: RdsAction,

    /// The RDS instance identifier [default: CRUDDUR_DB_RDS_INSTANCE, else from
    /// PROD_CONNECTION_URL's host]
    #[arg(long, global = true, value_name = "ID")]
    pub instance: Option<String>,

    /// The AWS region [default: AWS_REGION, else PROD_CONNECTION_URL's host, else the profile's]
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RdsAction {
    /// State, endpoint, engine, class, storage, security group rules, whether your IP is
    /// admitted, CA certificate, and when a stopped instance starts again by itself
    Status {
        /// Print JSON instead of text (fields documented in docs/production.md)
        #[arg(long)]
        json: bool,
    },

    /// Start the instance; with --wait, until it is available
    Start(RdsWaitArgs),

    /// Stop the instance (asks first); with --wait, until it is stopped
    Stop(RdsWaitArgs),

    /// Make the instance's security group admit your IP on the database port
    AllowIp {
        /// The IP to admit [default: $GITPOD_IP, $CODESPACES_IP, $MY_IP, else asked of
        /// checkip.amazonaws.com]
        #[arg(long, value_name = "IP")]
        ip: Option<String>,

        /// The rule's description, which is how the rule is found again next time
        /// [default: cruddur-db USER@HOSTNAME]
        #[arg(long, value_name = "TEXT")]
        description: Option<String>,

        /// Print the rule before and after; change nothing
        #[arg(long)]
        dry_run: bool,
    },

    /// Manual DB snapshots of the instance: take, list, delete, restore into a new instance
    Snapshot {
        #[command(subcommand)]
        action: RdsSnapshotAction,
    },

    /// Print an IAM authentication token for the production URL's host, port and user (what
    /// `aws rds generate-db-auth-token` prints; valid 15 minutes)
    Token {
        /// Print JSON: the token, host, port, user, region and when it expires
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RdsSnapshotAction {
    /// Take a manual snapshot, tagged created-by=cruddur-db
    Create {
        /// Its name [default: cruddur-db-<instance>-<UTC YYYYMMDD-HHMMSS>]
        name: Option<String>,

        #[command(flatten)]
        wait: RdsWaitArgs,
    },

    /// The instance's snapshots taken by cruddur-db: name, state, created, size, engine
    /// version, percent done
    List {
        /// Every snapshot of the instance, manual and automated, not only cruddur-db's
        #[arg(long)]
        all: bool,

        /// Print JSON instead of a table (fields documented in docs/production.md)
        #[arg(long)]
        json: bool,
    },

    /// Delete a snapshot (asks for its name to be typed)
    Delete {
        name: String,

        /// Delete a snapshot cruddur-db did not take
        #[arg(long)]
        force: bool,
    },

    /// Restore a snapshot into a new instance (never over the running one); print its endpoint
    Restore {
        name: String,

        /// The new instance's identifier
        #[arg(long = "as", value_name = "NEW_INSTANCE_ID")]
        new_instance: String,

        #[command(flatten)]
        wait: RdsWaitArgs,
    },
}

/// How `rds start|stop|snapshot create|snapshot restore` wait (the global `--wait` makes them
/// poll).
#[derive(Debug, Args, Clone, Copy)]
pub struct RdsWaitArgs {
    /// With --wait: give up after SECS
    #[arg(long, value_name = "SECS", default_value_t = 1800)]
    pub timeout: u64,

    /// With --wait: seconds between two DescribeDBInstances calls
    #[arg(long, value_name = "SECS", default_value_t = 10, hide = true)]
    pub poll: u64,
}

impl RdsWaitArgs {
    /// How long to wait in all, and between two looks.
    pub fn limits(&self) -> (std::time::Duration, std::time::Duration) {
        (
            std::time::Duration::from_secs(self.timeout),
            std::time::Duration::from_secs(self.poll.max(1)),
        )
    }
}
