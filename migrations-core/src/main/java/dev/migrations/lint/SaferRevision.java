package dev.migrations.lint;

import dev.migrations.ops.AddConstraint;
import dev.migrations.ops.CreateTable;
import dev.migrations.ops.Operation;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.Hazard;
import dev.migrations.platform.SafeForm;
import dev.migrations.schema.Constraint;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code revision --autogenerate --safe}: the operations of a new revision in the safe form of each
 * change whose safe form is the same change done in safer steps (a concurrent index build, a NOT
 * VALID key validated later...). What must run outside a transaction goes to a second,
 * non-transactional revision; changes with no such form stay as they are, and the lint comments on
 * them in the file.
 *
 * @param inRevision for each operation given, what replaces it in the revision
 * @param separately what the following non-transactional revision runs, in order
 */
public record SaferRevision(List<List<Operation>> inRevision, List<Operation> separately) {

    /**
     * @param live the schema the revision will run on (autogenerate compares at the heads), or null
     */
    public static SaferRevision of(
            List<Operation> operations, SchemaSnapshot live, DatabasePlatform platform, DdlSettings ddl) {
        LintState state = new LintState(live);
        state.startRevision();
        RevisionContext context = new RevisionContext(state, true, ddl);
        List<List<Operation>> inRevision = new ArrayList<>();
        List<Operation> separately = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            List<SafeForm> forms = platform.safety().hazards(op, context).stream()
                    .map(Hazard::safeForm)
                    .filter(SafeForm::equivalent)
                    .toList();
            if (forms.size() == 1 && !keyNeededLater(op, operations.subList(i + 1, operations.size()))) {
                SafeForm form = forms.get(0);
                inRevision.add(form.inRevision());
                separately.addAll(form.separately());
            } else {
                inRevision.add(List.of(op));
            }
            state.apply(op);
        }
        return new SaferRevision(inRevision, separately);
    }

    /** Whether anything was moved to a second revision. */
    public boolean split() {
        return !separately.isEmpty();
    }

    /**
     * A unique or primary key that a later foreign key of the same revision references must exist
     * when that key is added: it stays where it is.
     */
    private static boolean keyNeededLater(Operation op, List<Operation> later) {
        if (!(op instanceof AddConstraint add)
                || !(add.constraint().type() == Constraint.Type.UNIQUE
                        || add.constraint().type() == Constraint.Type.PRIMARY_KEY)) {
            return false;
        }
        String table = add.table().toLowerCase(Locale.ROOT);
        for (Operation next : later) {
            List<Constraint> keys = next instanceof AddConstraint a
                    ? List.of(a.constraint())
                    : next instanceof CreateTable c
                            ? c.definition().normalized().constraints()
                            : List.of();
            if (keys.stream()
                    .anyMatch(k -> k instanceof ForeignKey fk
                            && fk.referencedTable().toLowerCase(Locale.ROOT).equals(table))) {
                return true;
            }
        }
        return false;
    }
}
