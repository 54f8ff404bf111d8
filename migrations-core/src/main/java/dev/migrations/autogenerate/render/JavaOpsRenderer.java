package dev.migrations.autogenerate.render;

import dev.migrations.autogenerate.compare.SchemaChange;
import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.ops.Operation;
import dev.migrations.ops.OperationCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a diff as the bodies of a Java migration: one {@code ops} call per step, in the Dsl a
 * person would write by hand ({@code import static dev.migrations.schema.Dsl.*}), with each risky
 * step preceded by a {@code WARNING} comment and each step that needs code by a {@code TODO}.
 * The downgrade is the steps' reverses, last first.
 */
public final class JavaOpsRenderer {

    /** The upgrade body. */
    public String upgrade(SchemaDiff diff) {
        StringBuilder s = new StringBuilder();
        for (SchemaChange change : diff.changes()) {
            if (change.warning() != null) {
                s.append(change.needsEdit() ? "// TODO: " : "// WARNING: ")
                        .append(change.warning())
                        .append('\n');
            }
            s.append(statement(change.upgrade())).append('\n');
        }
        return s.toString().stripTrailing();
    }

    /** The downgrade body: every step reversed, last first. */
    public String downgrade(SchemaDiff diff) {
        List<SchemaChange> changes = new ArrayList<>(diff.changes());
        java.util.Collections.reverse(changes);
        StringBuilder s = new StringBuilder();
        for (SchemaChange change : changes) {
            if (change.downgrade() == null) {
                s.append("// TODO: undo by hand: ")
                        .append(change.upgrade().describe())
                        .append('\n');
            } else {
                s.append(statement(change.downgrade())).append('\n');
            }
        }
        return s.toString().stripTrailing();
    }

    /** One operation as the Java statement a migration would hold. */
    public String statement(Operation op) {
        return op.accept(OperationCode.INSTANCE);
    }
}
