package dev.migrations.platform;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.AlterSequence;
import dev.migrations.ops.BulkInsert;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateSequence;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.DropSequence;
import dev.migrations.ops.DropTable;
import dev.migrations.ops.EnumTypeOperation;
import dev.migrations.ops.Execute;
import dev.migrations.ops.Operation;
import dev.migrations.ops.OperationVisitor;
import dev.migrations.ops.RenameTable;
import dev.migrations.ops.SetTableComment;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.ColumnType;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders operations as DDL for one database. This base class writes standard SQL; each platform's
 * renderer overrides what its database spells differently. Identifiers go through the platform's
 * {@link SqlDialect}; the only SQL taken as written is what the migration's author supplies as SQL
 * (defaults, checks, index conditions).
 */
public abstract class DdlRenderer implements OperationVisitor<List<String>> {

    protected final String platformId;
    protected final SqlDialect dialect;

    protected DdlRenderer(String platformId, SqlDialect dialect) {
        this.platformId = platformId;
        this.dialect = dialect;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** The statements for one operation, in order; empty when the database has nothing to do. */
    public final List<String> render(Operation op) {
        return op.accept(this);
    }

    @Override
    public List<String> createTable(CreateTable o) {
        return createTable(o.definition(), o.ifNotExists());
    }

    @Override
    public List<String> dropTable(DropTable o) {
        return List.of("DROP TABLE " + (o.ifExists() ? "IF EXISTS " : "") + table(o.schema(), o.table()));
    }

    @Override
    public List<String> renameTable(RenameTable o) {
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " RENAME TO " + id(o.newName()));
    }

    @Override
    public List<String> dropColumn(DropColumn o) {
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " DROP COLUMN " + id(o.column()));
    }

    @Override
    public List<String> createIndex(CreateIndex o) {
        return List.of(createIndex(o.index(), o.concurrently(), o.ifNotExists()));
    }

    @Override
    public List<String> dropIndex(DropIndex o) {
        return List.of("DROP INDEX " + (o.concurrently() ? concurrentlyKeyword() : "")
                + (o.ifExists() ? "IF EXISTS " : "") + table(o.schema(), o.name()));
    }

    /** A plain add; a database that can skip the check of old rows or take over an index says so itself. */
    @Override
    public List<String> addConstraint(AddConstraint o) {
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " ADD " + constraint(o.constraint()));
    }

    /** Nothing by default: the rows were checked when the constraint was added. */
    @Override
    public List<String> validateConstraint(ValidateConstraint o) {
        return List.of();
    }

    @Override
    public List<String> dropConstraint(DropConstraint o) {
        if (o.name() == null) {
            throw new UnsupportedOperationException(o.describe() + ": only SQLite can drop a constraint by its"
                    + " definition; give the constraint's name");
        }
        return List.of("ALTER TABLE " + table(o.schema(), o.table()) + " DROP CONSTRAINT " + id(o.name()));
    }

    @Override
    public List<String> createSequence(CreateSequence o) {
        return List.of(
                "CREATE SEQUENCE " + table(o.sequence().schema(), o.sequence().name()) + sequenceOptions(o.sequence()));
    }

    @Override
    public List<String> dropSequence(DropSequence o) {
        return List.of("DROP SEQUENCE " + table(o.schema(), o.name()));
    }

    @Override
    public List<String> enumType(EnumTypeOperation o) {
        throw o.unsupportedOn(platformId);
    }

    @Override
    public List<String> setTableComment(SetTableComment o) {
        return tableComment(o.schema(), o.table(), o.comment());
    }

    @Override
    public List<String> execute(Execute o) {
        return o.appliesTo(platformId) ? List.of(o.sql()) : List.of();
    }

    @Override
    public List<String> bulkInsert(BulkInsert o) {
        return insertLiterals(o);
    }

    // ---------------------------------------------------------------- tables

    protected List<String> createTable(Table t, boolean ifNotExists) {
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + table(t.schema(), t.name()) + " ("
                + tableBody(t) + ")");
        if (t.comment() != null) {
            out.addAll(tableComment(t.schema(), t.name(), t.comment()));
        }
        for (Column c : t.columns()) {
            if (c.comment() != null) {
                out.addAll(columnComment(t.schema(), t.name(), c.name(), c.comment()));
            }
        }
        for (Index index : t.indexes()) {
            out.add(createIndex(index.schema() == null ? index.inSchema(t.schema()) : index, false, ifNotExists));
        }
        return out;
    }

    /** Column definitions and table constraints, comma separated: what goes between the parentheses. */
    public String tableBody(Table t) {
        Table n = t.normalized();
        List<String> parts = new ArrayList<>();
        for (Column c : n.columns()) {
            parts.add(columnDefinition(c));
        }
        for (Constraint c : n.constraints()) {
            parts.add(constraint(c));
        }
        return String.join(", ", parts);
    }

    /** Name, type, identity, default and nullability; constraints are rendered separately. */
    protected String columnDefinition(Column c) {
        StringBuilder sql = new StringBuilder(id(c.name())).append(' ').append(type(c.type()));
        if (c.isIdentity()) {
            sql.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        if (c.serverDefault() != null) {
            sql.append(" DEFAULT ").append(c.serverDefault());
        }
        if (!c.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    @Override
    public List<String> addColumn(AddColumn o) {
        Column c = o.column();
        String t = table(o.schema(), o.table());
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + t + " ADD COLUMN " + columnDefinition(c));
        if (c.isPrimaryKey()) {
            out.add("ALTER TABLE " + t + " ADD " + constraint(new PrimaryKey(null, List.of(c.name()))));
        }
        if (c.isUnique()) {
            out.add("ALTER TABLE " + t + " ADD " + constraint(new UniqueConstraint(null, List.of(c.name()))));
        }
        if (c.references() != null) {
            out.add("ALTER TABLE " + t + " ADD " + constraint(c.references()));
        }
        if (c.comment() != null) {
            out.addAll(columnComment(o.schema(), o.table(), c.name(), c.comment()));
        }
        return out;
    }

    /** One statement per change, in the order type, nullability, default, comment, name. */
    @Override
    public List<String> alterColumn(AlterColumn o) {
        String prefix = "ALTER TABLE " + table(o.schema(), o.table()) + " ALTER COLUMN " + id(o.column()) + " ";
        List<String> out = new ArrayList<>();
        if (o.type() != null) {
            out.add(prefix + alterType(o.type(), o.using()));
        }
        if (o.nullable() != null) {
            out.add(prefix + (o.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (o.serverDefault() != null) {
            out.add(prefix + o.serverDefault().map(d -> "SET DEFAULT " + d).orElse("DROP DEFAULT"));
        }
        if (o.identity() != null) {
            out.addAll(identityChange(o));
        }
        if (o.comment() != null) {
            out.addAll(
                    columnComment(o.schema(), o.table(), o.column(), o.comment().orElse(null)));
        }
        if (o.newName() != null) {
            out.add(renameColumn(o.schema(), o.table(), o.column(), o.newName()));
        }
        return out;
    }

    /** Makes a column an identity column or a plain one, as the platform spells it. */
    protected List<String> identityChange(AlterColumn o) {
        throw new UnsupportedOperationException("The engine cannot change whether a column is an identity on "
                + platformId + "; use executeOn with that database's SQL");
    }

    protected String alterType(ColumnType type, String using) {
        if (using != null) {
            throw new UnsupportedOperationException("USING applies to PostgreSQL only; on " + platformId
                    + " the value is converted by the database (drop .using, or use executeOn for this database)");
        }
        return "SET DATA TYPE " + type(type);
    }

    protected String renameColumn(String schema, String tableName, String column, String newName) {
        return "ALTER TABLE " + table(schema, tableName) + " RENAME COLUMN " + id(column) + " TO " + id(newName);
    }

    // ---------------------------------------------------------------- comments

    /** Sets, or with a null comment removes, a table comment. */
    protected List<String> tableComment(String schema, String tableName, String comment) {
        return List.of("COMMENT ON TABLE " + table(schema, tableName) + " IS "
                + (comment == null ? "NULL" : dialect.literal(comment)));
    }

    /** Sets, or with a null comment removes, a column comment. */
    protected List<String> columnComment(String schema, String tableName, String column, String comment) {
        return List.of("COMMENT ON COLUMN " + table(schema, tableName) + "." + id(column) + " IS "
                + (comment == null ? "NULL" : dialect.literal(comment)));
    }

    // ---------------------------------------------------------------- indexes and constraints

    public String createIndex(Index index, boolean concurrently, boolean ifNotExists) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (index.unique()) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX ");
        if (concurrently) {
            sql.append(concurrentlyKeyword());
        }
        if (ifNotExists) {
            sql.append("IF NOT EXISTS ");
        }
        sql.append(id(index.name()))
                .append(" ON ")
                .append(table(index.schema(), index.table()))
                .append(" (")
                .append(index.columns().stream().map(this::indexEntry).collect(Collectors.joining(", ")))
                .append(')');
        if (index.where() != null) {
            sql.append(" WHERE ").append(partialIndexCondition(index));
        }
        return sql.toString();
    }

    /** What follows INDEX for a concurrent build; nothing where every build is the same. */
    protected String concurrentlyKeyword() {
        return "";
    }

    protected String partialIndexCondition(Index index) {
        return index.where();
    }

    protected final String indexEntry(String entry) {
        String column = Index.columnOf(entry);
        if (column == null) {
            return entry.strip();
        }
        String order =
                Index.withoutPrefix(entry).strip().substring(column.length()).strip();
        String prefix = Index.prefixLength(entry) == null ? "" : prefixLength(Index.prefixLength(entry));
        return id(column) + prefix + (order.isEmpty() ? "" : " " + order.toUpperCase(java.util.Locale.ROOT));
    }

    protected String prefixLength(int length) {
        return ""; // an entry's prefix length (email(191)): the whole column is indexed here
    }

    public String constraint(Constraint c) {
        String prefix = c.name() == null ? "" : "CONSTRAINT " + id(c.name()) + " ";
        if (c instanceof PrimaryKey pk) {
            return prefix + "PRIMARY KEY (" + ids(pk.columns()) + ")";
        } else if (c instanceof UniqueConstraint uq) {
            return prefix + "UNIQUE (" + ids(uq.columns()) + ")"
                    + deferrable(uq.deferrable(), uq.initiallyDeferred(), "unique constraint");
        } else if (c instanceof ForeignKey fk) {
            return prefix + "FOREIGN KEY (" + ids(fk.columns()) + ") " + references(fk);
        } else if (c instanceof CheckConstraint ck) {
            return prefix + "CHECK (" + ck.condition() + ")";
        }
        throw new IllegalArgumentException("Unknown constraint " + c);
    }

    protected final String references(ForeignKey fk) {
        return "REFERENCES " + table(fk.referencedSchema(), fk.referencedTable()) + " ("
                + ids(fk.referencedColumns()) + ")"
                + (fk.onDelete() == null ? "" : " ON DELETE " + fk.onDelete().sql())
                + (fk.onUpdate() == null ? "" : " ON UPDATE " + fk.onUpdate().sql())
                + deferrable(fk.deferrable(), fk.initiallyDeferred(), "foreign key");
    }

    protected String deferrable(boolean deferrable, boolean initiallyDeferred, String what) {
        return deferrable ? " DEFERRABLE INITIALLY " + (initiallyDeferred ? "DEFERRED" : "IMMEDIATE") : "";
    }

    // ---------------------------------------------------------------- sequences

    protected String sequenceOptions(Sequence s) {
        return SequenceOptions.of(s, noCycle());
    }

    /** The keyword for a sequence that does not cycle. */
    protected String noCycle() {
        return "NO CYCLE";
    }

    @Override
    public List<String> alterSequence(AlterSequence o) {
        return List.of("ALTER SEQUENCE " + table(o.schema(), o.name()) + SequenceOptions.of(o, noCycle()));
    }

    // ---------------------------------------------------------------- data

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)} for a JDBC batch. */
    public String insertStatement(String schema, String tableName, List<String> columns) {
        return "INSERT INTO " + table(schema, tableName) + " (" + ids(columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** Offline inserts: the values written as literals, a hundred rows per statement. */
    protected List<String> insertLiterals(BulkInsert o) {
        return InsertLiterals.statements(
                "INSERT INTO " + table(o.schema(), o.table()) + " (", this::ids, dialect, o.byColumns());
    }

    // ---------------------------------------------------------------- names and types

    protected abstract String type(ColumnType type);

    /** {@code (6)} for a time type with fractional-second precision, nothing without. */
    protected static String fraction(ColumnType t) {
        return t.precision() == null ? "" : "(" + t.precision() + ")";
    }

    protected final String id(String name) {
        return dialect.identifier(name);
    }

    protected final String table(String schema, String name) {
        return dialect.identifier(schema, name);
    }

    protected final String ids(List<String> names) {
        return names.stream().map(this::id).collect(Collectors.joining(", "));
    }
}
