package dev.migrations.platform.mysql;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.Execute;
import dev.migrations.ops.OnlineDdl;
import dev.migrations.platform.DdlRenderer;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL 8 and MariaDB 10.6+: AUTO_INCREMENT instead of identity, comments written inline with the
 * definition they belong to, and column changes as {@code MODIFY}/{@code CHANGE COLUMN}, which
 * restate the whole column: the column as it is ({@link AlterColumn#existing()}, read from the
 * catalog online) is carried over, so changing nullability keeps the default and the comment.
 */
final class MysqlDdl extends DdlRenderer {

    /** MariaDB 10.7+ has a UUID type; MySQL stores UUIDs as text. */
    private final boolean nativeUuid;

    MysqlDdl(MysqlSql dialect, String platformId, boolean nativeUuid) {
        super(platformId, dialect);
        this.nativeUuid = nativeUuid;
    }

    /** MariaDB's sequences (MySQL has none) spell it as one word and refuse {@code NO CYCLE}. */
    @Override
    protected String noCycle() {
        return "NOCYCLE";
    }

    @Override
    protected String type(ColumnType t) {
        return switch (t.kind()) {
            case TINYINT -> "TINYINT";
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INT";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BIT"; // as Hibernate's MySQL and MariaDB dialects map a boolean
            case VARCHAR -> t.length() == null ? "TEXT" : "VARCHAR(" + t.length() + ")";
            case CHAR -> "CHAR(" + (t.length() == null ? 1 : t.length()) + ")";
            case TEXT -> "TEXT";
            case CLOB -> "LONGTEXT";
            case DECIMAL -> t.precision() == null ? "DECIMAL" : "DECIMAL(" + t.precision() + "," + t.scale() + ")";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case DATE -> "DATE";
            case TIME -> "TIME" + fraction(t);
            // neither server keeps an offset: instants are stored as UTC date-times, as Hibernate does
            case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME" + fraction(t);
            case UUID -> nativeUuid ? "UUID" : "CHAR(36)";
            case BINARY -> t.length() == null ? "LONGBLOB" : "VARBINARY(" + t.length() + ")";
            case BLOB -> "LONGBLOB";
            case JSON -> "JSON";
            case RAW -> t.raw();
        };
    }

    @Override
    protected String columnDefinition(Column c) {
        StringBuilder sql = new StringBuilder(id(c.name())).append(' ').append(type(c.type()));
        if (!c.nullable()) {
            sql.append(" NOT NULL");
        }
        if (c.isIdentity()) {
            sql.append(" AUTO_INCREMENT");
        }
        if (c.serverDefault() != null) {
            sql.append(" DEFAULT ").append(c.serverDefault());
        }
        if (c.comment() != null) {
            sql.append(" COMMENT ").append(dialect.literal(c.comment()));
        }
        return sql.toString();
    }

    /** One statement: comments are part of the definitions; indexes follow. */
    @Override
    protected List<String> createTable(Table t, boolean ifNotExists) {
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + table(t.schema(), t.name()) + " ("
                + tableBody(t) + ")"
                + (t.comment() == null ? "" : " COMMENT = " + dialect.literal(t.comment())));
        for (Index index : t.indexes()) {
            out.add(createIndex(index.schema() == null ? index.inSchema(t.schema()) : index, false, ifNotExists));
        }
        return out;
    }

    /** The column, its key and its foreign key in one statement: an AUTO_INCREMENT column must be a key. */
    @Override
    public List<String> addColumn(AddColumn o) {
        Column c = o.column();
        StringBuilder sql = new StringBuilder("ALTER TABLE ")
                .append(table(o.schema(), o.table()))
                .append(" ADD COLUMN ")
                .append(columnDefinition(c));
        if (c.isPrimaryKey()) {
            sql.append(", ADD PRIMARY KEY (").append(id(c.name())).append(')');
        }
        if (c.isUnique()) {
            sql.append(", ADD UNIQUE (").append(id(c.name())).append(')');
        }
        if (c.references() != null) {
            sql.append(", ADD ").append(constraint(c.references()));
        }
        sql.append(OnlineClauses.alterTable(OnlineClauses.effective(o.online(), OnlineClauses.defaultFor(o))));
        return List.of(sql.toString());
    }

    /** No default request: both servers drop a column instantly or in place by themselves. */
    @Override
    public List<String> dropColumn(DropColumn o) {
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " DROP COLUMN " + id(o.column())
                + OnlineClauses.alterTable(o.online()));
    }

    /** Index builds are in place with concurrent writes on both servers (not instant on MySQL). */
    @Override
    public List<String> createIndex(CreateIndex o) {
        return List.of(createIndex(o.index(), o.concurrently(), o.ifNotExists())
                + OnlineClauses.indexStatement(OnlineClauses.effective(o.online(), OnlineClauses.IN_PLACE_UNLOCKED)));
    }

    @Override
    public List<String> alterColumn(AlterColumn o) {
        String t = "ALTER TABLE " + table(o.schema(), o.table());
        boolean definitionChanges =
                o.type() != null || o.nullable() != null || o.comment() != null || o.identity() != null;
        if (o.using() != null) {
            throw new UnsupportedOperationException("USING applies to PostgreSQL only; MySQL and MariaDB convert"
                    + " the values themselves (drop .using, or use executeOn(\"mysql\", ...) for this database)");
        }
        List<String> out = new ArrayList<>();
        if (!definitionChanges) {
            // a default is metadata on both servers (instant); a rename is metadata-only in place on MySQL
            // 8.0 before 8.0.28, instant after it and on MariaDB 10.5+, which takes INPLACE as "at most"
            if (o.serverDefault() != null) {
                out.add(t + " ALTER COLUMN " + id(o.column()) + " "
                        + o.serverDefault().map(d -> "SET DEFAULT " + d).orElse("DROP DEFAULT")
                        + OnlineClauses.alterTable(OnlineClauses.effective(o.online(), OnlineClauses.INSTANT)));
            }
            if (o.newName() != null) {
                out.add(renameColumn(o.schema(), o.table(), o.column(), o.newName())
                        + OnlineClauses.alterTable(
                                OnlineClauses.effective(o.online(), OnlineClauses.IN_PLACE_UNLOCKED)));
            }
            return out;
        }
        // a definition change: no default request (a type change copies the table on both servers, the
        // lint's table-copy rule says which); the migration's own request applies
        Column now = changed(o);
        if (o.newName() != null) {
            out.add(t + " CHANGE COLUMN " + id(o.column()) + " " + columnDefinition(now.named(o.newName()))
                    + OnlineClauses.alterTable(o.online()));
        } else {
            out.add(t + " MODIFY COLUMN " + columnDefinition(now) + OnlineClauses.alterTable(o.online()));
        }
        return out;
    }

    /** The whole column after the change: what MODIFY must restate. */
    private Column changed(AlterColumn o) {
        Column before = o.existing();
        if (before == null) {
            if (o.type() == null || o.nullable() == null) {
                throw new UnsupportedOperationException("Changing column " + o.table() + "." + o.column()
                        + " on MySQL/MariaDB restates the whole column (MODIFY COLUMN), and its current definition is"
                        + " unknown here (offline SQL): give both the type and the nullability, or the existing"
                        + " column (alterColumn(...).existing(column)), so the default and comment are not lost.");
            }
            before = Column.of(o.column(), o.type()).nullable(o.nullable());
        }
        Column c = before.withoutConstraints();
        if (o.type() != null) {
            c = c.type(o.type());
        }
        if (o.nullable() != null) {
            c = c.nullable(o.nullable());
        }
        if (o.serverDefault() != null) {
            c = c.serverDefault(o.serverDefault().orElse(null));
        }
        if (o.comment() != null) {
            c = c.comment(o.comment().orElse(null));
        }
        if (o.identity() != null) {
            // AUTO_INCREMENT continues past the rows the column holds by itself
            c = o.identity() ? c.identity() : c.withoutIdentity();
        }
        return c;
    }

    /**
     * A foreign key named the way the server names keys itself ({@code purchase_ibfk_1}) is added
     * without the name, so the server names it, and its implicit index, as it did the first time:
     * a downgrade that drops and adds it back leaves the catalog as it was.
     */
    @Override
    public String constraint(Constraint c) {
        if (c instanceof ForeignKey fk
                && fk.name() != null
                && SERVER_NAMED_KEY.matcher(fk.name()).matches()) {
            return super.constraint(fk.named(null));
        }
        return super.constraint(c);
    }

    private static final java.util.regex.Pattern SERVER_NAMED_KEY = java.util.regex.Pattern.compile(".+_ibfk_\\d+");

    @Override
    protected List<String> tableComment(String schema, String tableName, String comment) {
        return List.of("ALTER TABLE " + table(schema, tableName) + " COMMENT = "
                + dialect.literal(comment == null ? "" : comment));
    }

    @Override
    protected List<String> columnComment(String schema, String tableName, String column, String comment) {
        throw new UnsupportedOperationException("MySQL and MariaDB set a column comment with the column's definition;"
                + " use alterColumn(...).comment(...)");
    }

    @Override
    public List<String> dropIndex(DropIndex o) {
        if (o.table() == null) {
            throw new UnsupportedOperationException("MySQL and MariaDB drop an index by table: give the table of index "
                    + o.name() + " (dropIndex(table, name))");
        }
        // MariaDB's DROP INDEX takes no ALGORITHM/LOCK clause (a syntax error on 10.11); ALTER TABLE does, on both
        OnlineDdl request = OnlineClauses.effective(o.online(), OnlineClauses.IN_PLACE_UNLOCKED);
        return List.of(
                request.serverChoice()
                        ? "DROP INDEX " + id(o.name()) + " ON " + table(o.schema(), o.table())
                        : "ALTER TABLE " + table(o.schema(), o.table()) + " DROP INDEX " + id(o.name())
                                + OnlineClauses.alterTable(request));
    }

    /** Each kind has its own clause: a unique constraint is an index, a primary key has no name of its own. */
    @Override
    public List<String> dropConstraint(DropConstraint o) {
        if (o.name() == null) {
            return super.dropConstraint(o);
        }
        String t = "ALTER TABLE " + table(o.schema(), o.table());
        if (o.type() == null) {
            return List.of(t + " DROP CONSTRAINT " + id(o.name()));
        }
        return List.of(
                switch (o.type()) {
                    case PRIMARY_KEY -> t + " DROP PRIMARY KEY";
                    case UNIQUE -> t + " DROP INDEX " + id(o.name());
                    case FOREIGN_KEY -> t + " DROP FOREIGN KEY " + id(o.name());
                    case CHECK -> t + " DROP CONSTRAINT " + id(o.name());
                });
    }

    /** Both ids select statements for this platform: {@code executeOn("mysql")} and {@code executeOn("mariadb")}. */
    @Override
    public List<String> execute(Execute o) {
        return o.appliesTo(MysqlPlatform.ID) || o.appliesTo(MysqlPlatform.MARIADB) ? List.of(o.sql()) : List.of();
    }

    /** The first {@code length} characters (bytes, for a binary column) are indexed. */
    @Override
    protected String prefixLength(int length) {
        return "(" + length + ")";
    }

    @Override
    protected String partialIndexCondition(Index index) {
        throw new UnsupportedOperationException("MySQL and MariaDB have no partial indexes (index " + index.name()
                + " WHERE " + index.where() + "); create it with executeOn(\"postgresql,sqlite\", ...) or drop the"
                + " condition");
    }

    @Override
    protected String deferrable(boolean deferrable, boolean initiallyDeferred, String what) {
        if (deferrable) {
            throw new UnsupportedOperationException(
                    "MySQL and MariaDB have no deferrable constraints (a deferrable " + what + ")");
        }
        return "";
    }
}
