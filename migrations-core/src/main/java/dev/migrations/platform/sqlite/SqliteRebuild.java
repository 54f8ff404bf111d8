package dev.migrations.platform.sqlite;

import dev.migrations.ops.AlterColumn;
import dev.migrations.ops.DropColumn;
import dev.migrations.ops.Operation;
import dev.migrations.ops.TableChanges;
import dev.migrations.platform.SqlDialect;
import dev.migrations.platform.TableRebuilder;
import dev.migrations.schema.Column;
import dev.migrations.schema.Index;
import dev.migrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite's "move and copy" for changes ALTER TABLE cannot make: create the new table under a
 * temporary name with every constraint inline, copy the rows, drop the old table, rename, and
 * recreate indexes and triggers. Operations on one table are collected first, so several changes
 * in a revision make one rebuild. Foreign-key enforcement must be off while this runs (the caller
 * turns it off and runs {@code PRAGMA foreign_key_check} before commit).
 */
final class SqliteRebuild implements TableRebuilder.Rebuild {

    private static final String TEMPORARY_PREFIX = "_migrations_tmp_";

    private final SqliteDdl ddl;
    private final Table original;
    private final List<String> triggers;
    private Table target;
    /** New column name to the old column it is copied from; added columns are absent. */
    private final Map<String, String> sources = new LinkedHashMap<>();

    private final List<String> described = new ArrayList<>();

    SqliteRebuild(SqliteDdl ddl, Table original, List<String> triggers) {
        this.ddl = ddl;
        this.original = original.normalized();
        this.triggers = List.copyOf(triggers);
        this.target = this.original;
        original.columns().forEach(c -> sources.put(c.name(), c.name()));
    }

    @Override
    public String table() {
        return original.name();
    }

    /** The table as the collected operations leave it. */
    @Override
    public Table target() {
        return target;
    }

    @Override
    public void add(Operation op) {
        target = TableChanges.apply(target, op);
        described.add(op.describe());
        if (op instanceof DropColumn d) {
            sources.remove(d.column());
        } else if (op instanceof AlterColumn a && a.newName() != null) {
            String from = sources.remove(a.column());
            if (from != null) {
                sources.put(a.newName(), from);
            }
        }
    }

    /** What the collected operations were, for logs and error messages. */
    @Override
    public List<String> described() {
        return described;
    }

    @Override
    public String explain(String databaseMessage) {
        return databaseMessage == null
                ? null
                : databaseMessage.replace(TEMPORARY_PREFIX + original.name(), original.name());
    }

    @Override
    public List<String> statements() {
        SqlDialect d = ddl.dialect();
        String name = original.name();
        String temporary = TEMPORARY_PREFIX + name;
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + d.quote(temporary) + " (" + ddl.tableBody(target.withIndexes(List.of())) + ")");
        List<String> into = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (Column c : target.columns()) {
            String source = sources.get(c.name());
            if (source != null) {
                into.add(d.quote(c.name()));
                from.add(d.quote(source));
            }
        }
        out.add("INSERT INTO " + d.quote(temporary) + " (" + String.join(", ", into) + ") SELECT "
                + String.join(", ", from) + " FROM " + d.quote(name));
        if (target.columns().stream().anyMatch(Column::isIdentity)) {
            // Keep AUTOINCREMENT's high-water mark, so ids of deleted rows are not handed out again.
            out.add("DELETE FROM sqlite_sequence WHERE name = " + d.literal(temporary));
            out.add("INSERT INTO sqlite_sequence (name, seq) SELECT " + d.literal(temporary)
                    + ", seq FROM sqlite_sequence WHERE name = " + d.literal(name));
        }
        out.add("DROP TABLE " + d.quote(name));
        // Legacy renaming leaves other tables' foreign keys and views pointing at the name, as wanted.
        out.add("PRAGMA legacy_alter_table = ON");
        out.add("ALTER TABLE " + d.quote(temporary) + " RENAME TO " + d.quote(target.name()));
        out.add("PRAGMA legacy_alter_table = OFF");
        for (Index index : target.indexes()) {
            out.add(ddl.createIndex(index.onTable(target.name()), false, false));
        }
        out.addAll(triggers);
        return out;
    }
}
