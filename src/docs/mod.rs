//! The schema's documentation (`docs`): Markdown pages for people and GitHub, built from the
//! catalogs and `erd`'s relations (`model`), written byte-stable (`render`), and compared with
//! what a folder holds in words (`check`).

pub mod check;
mod html;
pub mod model;
pub mod render;
