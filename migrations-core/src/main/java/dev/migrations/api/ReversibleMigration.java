package dev.migrations.api;

import dev.migrations.ops.BulkInsert;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.Operation;
import dev.migrations.ops.ValidateConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A migration written as its upgrade only: the downgrade replays the upgrade's operations
 * reversed, last first. Every operation must know its reverse (give dropped columns, tables,
 * indexes and constraints as definitions; name constraints; give {@code existing} for column
 * changes); raw SQL and data access make a migration irreversible, so write both directions then.
 * Rows bulk-inserted into a table the same upgrade creates need no reverse: the table's drop takes them.
 */
public interface ReversibleMigration extends Migration {

    @Override
    default void downgrade(Ops ops) throws Exception {
        List<Operation> recorded = new ArrayList<>();
        upgrade(new RecordingOps(ops, recorded));
        List<Operation> reversed = new ArrayList<>();
        Set<String> created = new HashSet<>();
        for (Operation op : recorded) {
            if (op instanceof CreateTable create) {
                created.add(create.definition().schema() + "." + create.table());
            }
            if (op instanceof BulkInsert insert && created.contains(insert.schema() + "." + insert.table())) {
                continue; // rows put into a table this revision creates go when the table is dropped
            }
            if (op instanceof ValidateConstraint) {
                continue; // dropping the constraint, the reverse of its addition, undoes the validation too
            }
            reversed.add(
                    0,
                    op.reverse()
                            .orElseThrow(
                                    () -> new MigrationsException(getClass().getSimpleName()
                                            + ": cannot derive the downgrade: " + op.irreversibleReason()
                                            + ". Implement downgrade(ops) yourself.")));
        }
        reversed.forEach(ops::apply);
    }

    /** Collects the operations an upgrade asks for, running nothing. */
    final class RecordingOps implements Ops {
        private final Ops target;
        private final List<Operation> recorded;

        RecordingOps(Ops target, List<Operation> recorded) {
            this.target = target;
            this.recorded = recorded;
        }

        @Override
        public void apply(Operation operation) {
            recorded.add(operation);
        }

        @Override
        public int update(String sql, Object... parameters) {
            throw irreversible("ops.update");
        }

        @Override
        public void query(String sql, RowHandler handler, Object... parameters) {
            throw irreversible("ops.query");
        }

        @Override
        public BatchWriter batch(String sql, int batchSize) {
            throw irreversible("ops.batch");
        }

        @Override
        public java.sql.Connection connection() {
            throw irreversible("ops.connection");
        }

        @Override
        public String database() {
            return target.database();
        }

        @Override
        public boolean offline() {
            return target.offline();
        }

        private static MigrationsException irreversible(String what) {
            return new MigrationsException("A ReversibleMigration cannot derive its downgrade when the upgrade"
                    + " uses " + what + "; implement downgrade(ops) yourself.");
        }
    }
}
