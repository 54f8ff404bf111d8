package dev.migrations.platform.sqlite;

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
import dev.migrations.platform.TableRebuilder;
import dev.migrations.schema.Column;
import dev.migrations.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/** Which changes SQLite's ALTER TABLE cannot make, and the rebuilds that make them. */
final class SqliteRebuilder implements TableRebuilder {

    /** Defaults SQLite accepts in ADD COLUMN: constants, not CURRENT_TIMESTAMP or expressions. */
    private static final Pattern CONSTANT = Pattern.compile(
            "(?i)[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|'([^']|'')*'|NULL|TRUE|FALSE|X'[0-9a-fA-F]*'");

    private static final OperationVisitor<Boolean> NEEDS_REBUILD = new OperationVisitor<>() {
        @Override
        public Boolean createTable(CreateTable op) {
            return false;
        }

        @Override
        public Boolean dropTable(DropTable op) {
            return false;
        }

        @Override
        public Boolean renameTable(RenameTable op) {
            return false;
        }

        /** ADD COLUMN takes a plain column with a constant default, and a foreign key without one. */
        @Override
        public Boolean addColumn(AddColumn op) {
            Column c = op.column();
            boolean constantDefault = c.serverDefault() == null
                    || CONSTANT.matcher(c.serverDefault()).matches();
            return c.isPrimaryKey()
                    || c.isUnique()
                    || c.isIdentity()
                    || !constantDefault
                    || (!c.nullable() && c.serverDefault() == null)
                    || (c.references() != null && c.serverDefault() != null);
        }

        @Override
        public Boolean dropColumn(DropColumn op) {
            return true;
        }

        /** Only a rename is an ALTER; type, nullability and default live in the table's DDL. */
        @Override
        public Boolean alterColumn(AlterColumn op) {
            return op.type() != null || op.nullable() != null || op.serverDefault() != null || op.identity() != null;
        }

        @Override
        public Boolean createIndex(CreateIndex op) {
            return false;
        }

        @Override
        public Boolean dropIndex(DropIndex op) {
            return false;
        }

        @Override
        public Boolean addConstraint(AddConstraint op) {
            return true;
        }

        @Override
        public Boolean dropConstraint(DropConstraint op) {
            return true;
        }

        @Override
        public Boolean validateConstraint(ValidateConstraint op) {
            return false;
        }

        @Override
        public Boolean enumType(EnumTypeOperation op) {
            return false;
        }

        @Override
        public Boolean createSequence(CreateSequence op) {
            return false;
        }

        @Override
        public Boolean alterSequence(AlterSequence op) {
            return false;
        }

        @Override
        public Boolean dropSequence(DropSequence op) {
            return false;
        }

        @Override
        public Boolean setTableComment(SetTableComment op) {
            return false;
        }

        @Override
        public Boolean execute(Execute op) {
            return false;
        }

        @Override
        public Boolean bulkInsert(BulkInsert op) {
            return false;
        }
    };

    /** True when ALTER TABLE cannot make the change. */
    static boolean rebuilds(Operation operation) {
        return operation.accept(NEEDS_REBUILD);
    }

    private final SqliteDdl ddl;

    SqliteRebuilder(SqliteDdl ddl) {
        this.ddl = ddl;
    }

    @Override
    public boolean needsRebuild(Operation operation) {
        return rebuilds(operation);
    }

    @Override
    public Rebuild start(Connection connection, String table) throws SQLException {
        SqliteSchemaReader.StoredTable stored = new SqliteSchemaReader().read(connection, table);
        return new SqliteRebuild(ddl, stored.table(), stored.triggers());
    }

    @Override
    public Rebuild start(Table definition) {
        return new SqliteRebuild(ddl, definition, List.of());
    }
}
