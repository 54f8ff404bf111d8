package dev.migrations.api;

import dev.migrations.ops.AddColumn;
import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.AddEnumValue;
import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.AlterSequence;
import dev.migrations.ops.BulkInsert;
import dev.migrations.ops.CreateEnumType;
import dev.migrations.ops.CreateIndex;
import dev.migrations.ops.CreateSequence;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.DropConstraint;
import dev.migrations.ops.DropEnumType;
import dev.migrations.ops.DropEnumValue;
import dev.migrations.ops.DropIndex;
import dev.migrations.ops.DropSequence;
import dev.migrations.ops.DropTable;
import dev.migrations.ops.Execute;
import dev.migrations.ops.OnlineDdl;
import dev.migrations.ops.Operation;
import dev.migrations.ops.RenameEnumType;
import dev.migrations.ops.RenameTable;
import dev.migrations.ops.SetTableComment;
import dev.migrations.ops.ValidateConstraint;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.PrimaryKey;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;
import dev.migrations.schema.TableElement;
import dev.migrations.schema.UniqueConstraint;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a migration can do to the database: schema operations written once and rendered for each
 * database (on SQLite, changes ALTER cannot make rebuild the table), raw SQL, and JDBC access for
 * data migrations. The same calls run online or, in offline mode, are written out as a SQL script.
 * Tables, indexes and sequences are in the connection's current schema unless a definition names
 * another. Build definitions with {@code import static dev.migrations.schema.Dsl.*}.
 */
public interface Ops {

    /** Runs one operation: every other schema method comes here. */
    void apply(Operation operation);

    // ---------------------------------------------------------------- online DDL

    /**
     * These ops, asking MySQL/MariaDB to change tables with {@code request}'s ALGORITHM and LOCK, so
     * the server refuses a change it cannot make that way instead of copying the table or blocking
     * writes: {@code ops.online(OnlineDdl.of(Algorithm.INPLACE, Lock.NONE)).createIndex(...)}, or keep
     * the returned ops for several calls. Adding, dropping and changing columns and creating and
     * dropping indexes take a request (the rest need none, or refuse one); {@code OnlineDdl.SERVER_CHOICE}
     * turns the platform's default off for them. Other databases ignore it.
     */
    default Ops online(OnlineDdl request) {
        return new OnlineRequestOps(this, request);
    }

    /** {@link #online(OnlineDdl)} with both clauses. */
    default Ops online(OnlineDdl.Algorithm algorithm, OnlineDdl.Lock lock) {
        return online(OnlineDdl.of(algorithm, lock));
    }

    /** {@link #online(OnlineDdl)} with the algorithm only, e.g. {@code ops.online(Algorithm.INSTANT)}. */
    default Ops online(OnlineDdl.Algorithm algorithm) {
        return online(OnlineDdl.of(algorithm, OnlineDdl.Lock.DEFAULT));
    }

    // ---------------------------------------------------------------- tables

    /** Creates a table from columns, constraints and indexes; returns its definition. */
    default Table createTable(String table, TableElement... elements) {
        Table definition = Table.of(table, elements);
        createTable(definition);
        return definition;
    }

    default void createTable(Table definition) {
        apply(new CreateTable(definition, false));
    }

    default void dropTable(String table) {
        apply(new DropTable(null, table, null, false));
    }

    /** Drops a table whose definition is given, so a derived downgrade can create it again. */
    default void dropTable(Table original) {
        apply(new DropTable(original.schema(), original.name(), original, false));
    }

    default void renameTable(String table, String newName) {
        apply(new RenameTable(null, table, newName));
    }

    default void setTableComment(String table, String comment) {
        apply(new SetTableComment(null, table, comment, null));
    }

    default void dropTableComment(String table) {
        apply(new SetTableComment(null, table, null, null));
    }

    // ---------------------------------------------------------------- columns

    default void addColumn(String table, Column column) {
        apply(new AddColumn(null, table, column));
    }

    default void dropColumn(String table, String column) {
        apply(new DropColumn(null, table, column, null));
    }

    /** Drops a column whose definition is given, so a derived downgrade can add it back. */
    default void dropColumn(String table, Column original) {
        apply(new DropColumn(null, table, original.name(), original));
    }

    /**
     * Changes a column: {@code alterColumn("user", "email", c -> c.type(TEXT).nullable(false))}.
     * See {@link AlterColumn} for type (with {@code USING}), nullability, default, comment and name.
     */
    default void alterColumn(String table, String column, UnaryOperator<AlterColumn> change) {
        apply(change.apply(AlterColumn.of(null, table, column)));
    }

    default void renameColumn(String table, String column, String newName) {
        apply(AlterColumn.of(null, table, column).rename(newName));
    }

    // ---------------------------------------------------------------- indexes

    default void createIndex(Index index) {
        apply(new CreateIndex(index, false, false));
    }

    default void createIndex(String name, String table, String... columns) {
        createIndex(new Index(name, null, table, List.of(columns), false, null));
    }

    /**
     * Builds the index without blocking writes (PostgreSQL's {@code CREATE INDEX CONCURRENTLY}; a
     * plain build elsewhere). PostgreSQL refuses it inside a transaction, so the revision must be
     * declared {@code transactional = false}.
     */
    default void createIndexConcurrently(Index index) {
        apply(new CreateIndex(index, true, false));
    }

    default void dropIndex(String name) {
        apply(new DropIndex(null, name, null, null, false, false));
    }

    /** Drops an index whose definition is given, so a derived downgrade can create it again. */
    default void dropIndex(Index original) {
        apply(new DropIndex(original.schema(), original.name(), original.table(), original, false, false));
    }

    default void dropIndexConcurrently(Index original) {
        apply(new DropIndex(original.schema(), original.name(), original.table(), original, true, false));
    }

    // ---------------------------------------------------------------- constraints

    default void addConstraint(String table, Constraint constraint) {
        apply(new AddConstraint(null, table, constraint));
    }

    default void createPrimaryKey(String name, String table, String... columns) {
        addConstraint(table, new PrimaryKey(name, List.of(columns)));
    }

    default void createUniqueConstraint(String name, String table, String... columns) {
        addConstraint(table, new UniqueConstraint(name, List.of(columns)));
    }

    default void createForeignKey(String table, ForeignKey key) {
        addConstraint(table, key);
    }

    default void createCheckConstraint(String name, String table, String condition) {
        addConstraint(table, new CheckConstraint(name, condition));
    }

    /**
     * Adds a foreign key or check without checking the existing rows (PostgreSQL's {@code NOT VALID}:
     * a brief lock and no scan; new and changed rows are checked from now on). Check the old rows
     * later with {@link #validateConstraint}, in a transaction of its own. Elsewhere a plain add.
     */
    default void addConstraintNotValid(String table, Constraint constraint) {
        apply(new AddConstraint(null, table, constraint).withoutValidation());
    }

    /**
     * Checks the existing rows against a constraint added with {@link #addConstraintNotValid}
     * (PostgreSQL's {@code VALIDATE CONSTRAINT}, which lets reads and writes go on while it scans).
     * Nothing to do elsewhere.
     */
    default void validateConstraint(String table, String name) {
        apply(new ValidateConstraint(null, table, name));
    }

    /**
     * Adds a named unique or primary key that takes over an existing unique index (PostgreSQL's
     * {@code USING INDEX}): build the index with {@link #createIndexConcurrently} first, and the
     * constraint costs a brief lock instead of an index build under an exclusive lock. Elsewhere a
     * plain add.
     */
    default void addConstraintUsingIndex(String table, Constraint constraint, String index) {
        apply(new AddConstraint(null, table, constraint).usingIndex(index));
    }

    /** Drops a named constraint; the type lets SQLite find an unnamed primary key. */
    default void dropConstraint(String table, String name, Constraint.Type type) {
        apply(new DropConstraint(null, table, name, type, null));
    }

    /** Drops a constraint whose definition is given, so a derived downgrade can add it back. */
    default void dropConstraint(String table, Constraint original) {
        apply(new DropConstraint(null, table, original.name(), original.type(), original));
    }

    // ---------------------------------------------------------------- sequences

    default void createSequence(Sequence sequence) {
        apply(new CreateSequence(sequence));
    }

    default void alterSequence(String name, UnaryOperator<AlterSequence> change) {
        apply(change.apply(AlterSequence.of(null, name)));
    }

    default void dropSequence(String name) {
        apply(new DropSequence(null, name, null));
    }

    default void dropSequence(Sequence original) {
        apply(new DropSequence(original.schema(), original.name(), original));
    }

    // ---------------------------------------------------------------- named enum types (PostgreSQL)

    /** Creates a named enum type with these values, in this order. */
    default void createEnumType(String name, String... values) {
        createEnumType(EnumType.named(name, List.of(values)));
    }

    default void createEnumType(EnumType type) {
        apply(new CreateEnumType(type));
    }

    /** Adds a value at the end of an enum type's values. */
    default void addEnumValue(String type, String value) {
        apply(new AddEnumValue(null, type, value, null, null));
    }

    /** Adds a value just before {@code before} in the type's order. */
    default void addEnumValueBefore(String type, String value, String before) {
        apply(new AddEnumValue(null, type, value, before, null));
    }

    /** Adds a value just after {@code after} in the type's order. */
    default void addEnumValueAfter(String type, String value, String after) {
        apply(new AddEnumValue(null, type, value, null, after));
    }

    /**
     * Takes a value out of an enum type. PostgreSQL has no statement for it: the type is recreated
     * without the value and its columns converted, which fails, changing nothing, while a row holds it.
     */
    default void dropEnumValue(String type, String value) {
        apply(new DropEnumValue(null, type, value, null, null));
    }

    default void renameEnumType(String name, String newName) {
        apply(new RenameEnumType(null, name, newName));
    }

    /** Drops an enum type no column uses. */
    default void dropEnumType(String name) {
        apply(new DropEnumType(null, name, null));
    }

    /** Drops an enum type whose values are given, so a derived downgrade can create it again. */
    default void dropEnumType(EnumType original) {
        apply(new DropEnumType(original.schema(), original.name(), original));
    }

    // ---------------------------------------------------------------- SQL and data

    /** Runs one SQL statement (no trailing semicolon needed). */
    default void execute(String sql) {
        apply(new Execute(sql, Set.of()));
    }

    /**
     * Runs a statement only on the named databases, comma separated ({@code "postgresql"},
     * {@code "sqlite,h2"}): one migration can carry a variant per database.
     */
    default void executeOn(String databases, String sql) {
        apply(new Execute(
                sql,
                Set.copyOf(
                        Arrays.stream(databases.split(",")).map(String::strip).toList())));
    }

    /** Inserts rows (column name to value); a JDBC batch online, INSERT statements offline. */
    default void bulkInsert(String table, List<Map<String, Object>> rows) {
        apply(new BulkInsert(null, table, rows));
    }

    /** Runs one statement with bind parameters; online only. Returns the update count. */
    int update(String sql, Object... parameters);

    /**
     * Streams the rows of a query to {@code handler} without loading the result into memory
     * (fetched in pages); online only.
     */
    void query(String sql, RowHandler handler, Object... parameters);

    /**
     * A batched writer for one parameterised statement: rows are sent in batches of
     * {@code batchSize}; close it (try-with-resources) to send the rest. Online only.
     */
    BatchWriter batch(String sql, int batchSize);

    /**
     * The migration's own connection, inside the revision's transaction, for data migrations.
     * Do not commit, roll back or close it. Not available in offline mode.
     */
    Connection connection();

    /** The database product: {@code postgresql}, {@code sqlite}, {@code h2} or another lower-case name. */
    String database();

    /** True when statements are being written to a script instead of run. */
    boolean offline();

    /** Receives one row of a streamed query. */
    @FunctionalInterface
    interface RowHandler {
        void row(java.sql.ResultSet row) throws java.sql.SQLException;
    }

    /** Adds rows to a batched statement. */
    interface BatchWriter extends AutoCloseable {
        void add(Object... parameters);

        /** Rows sent so far. */
        long count();

        @Override
        void close();
    }
}
