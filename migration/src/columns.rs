//! Column and table builders that hide the MySQL/SQLite differences.
//!
//! MySQL facts this encodes (DESIGN.md §1): `TIMESTAMP` silently stores *now* after 2038, so times
//! are `DATETIME(6)` holding UTC; `TEXT` stops at 64 KB, so documents are `LONGTEXT`; unique keys
//! compare case-insensitively there, so SQLite gets `COLLATE NOCASE` on e-mail to match.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

/// Builds columns and tables for one database backend.
#[derive(Clone, Copy)]
pub(crate) struct Schema {
    backend: DbBackend,
}

impl Schema {
    pub(crate) fn new(manager: &SchemaManager) -> Self {
        Self { backend: manager.get_database_backend() }
    }

    fn is_mysql(self) -> bool {
        self.backend == DbBackend::MySql
    }

    /// `CREATE TABLE` with InnoDB and utf8mb4 on MySQL, so foreign keys are enforced and any
    /// character a CV contains can be stored.
    pub(crate) fn table(self, name: impl IntoIden) -> TableCreateStatement {
        let mut table = Table::create();
        table.table(name);
        if self.is_mysql() {
            table.engine("InnoDB").character_set("utf8mb4").collate("utf8mb4_unicode_ci");
        }
        table
    }

    /// A 64-bit auto-increment primary key (the app binds it as `i64`).
    pub(crate) fn id(self, name: impl IntoIden) -> ColumnDef {
        ColumnDef::new(name).big_integer().not_null().auto_increment().primary_key().to_owned()
    }

    /// A 64-bit foreign-key column.
    pub(crate) fn reference(self, name: impl IntoIden) -> ColumnDef {
        ColumnDef::new(name).big_integer().not_null().to_owned()
    }

    /// A point in time, stored as UTC with microseconds.
    pub(crate) fn timestamp(self, name: impl IntoIden) -> ColumnDef {
        let mut column = ColumnDef::new(name);
        if self.is_mysql() {
            column.custom(Alias::new("DATETIME(6)"));
        } else {
            column.date_time();
        }
        column
    }

    /// Text with no practical size limit (documents, JSON, feedback).
    pub(crate) fn long_text(self, name: impl IntoIden) -> ColumnDef {
        let mut column = ColumnDef::new(name);
        if self.is_mysql() {
            column.custom(Alias::new("LONGTEXT"));
        } else {
            column.text();
        }
        column
    }

    /// Bytes with no practical size limit (session records).
    pub(crate) fn long_blob(self, name: impl IntoIden) -> ColumnDef {
        let mut column = ColumnDef::new(name);
        if self.is_mysql() {
            column.custom(Alias::new("LONGBLOB"));
        } else {
            column.blob();
        }
        column
    }

    /// Short text such as names, titles and keys.
    pub(crate) fn string(self, name: impl IntoIden, len: u32) -> ColumnDef {
        ColumnDef::new(name).string_len(len).to_owned()
    }

    /// An e-mail address whose uniqueness ignores letter case on both backends.
    pub(crate) fn email(self, name: impl IntoIden) -> ColumnDef {
        let mut column = ColumnDef::new(name);
        column.string_len(320).not_null();
        if !self.is_mysql() {
            column.extra("COLLATE NOCASE");
        }
        column
    }

    /// A SHA-256 digest in lower-case hex.
    pub(crate) fn sha256(self, name: impl IntoIden) -> ColumnDef {
        ColumnDef::new(name).char_len(64).to_owned()
    }
}

/// A named foreign key; the name keeps constraint errors readable in logs.
pub(crate) fn foreign_key(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .on_update(ForeignKeyAction::Cascade)
        .to_owned()
}
