package dev.migrations.platform;

import dev.migrations.ops.Operation;
import java.util.List;

/**
 * The safe way to make a change, as operations where it can be written with them: what replaces the
 * change in its revision, what runs afterwards in a transaction of its own (a non-transactional
 * revision), and advice for what operations cannot say.
 *
 * @param inRevision operations that replace the change where it stands
 * @param separately operations for a following non-transactional revision (concurrent index builds,
 *     validations), each committed on its own
 * @param advice what to do besides, in one or two sentences; may be empty
 * @param equivalent whether the operations do exactly what the change does, only in safer steps, so
 *     that {@code revision --autogenerate --safe} may write them instead (a new column to backfill
 *     is safer, but not the same)
 */
public record SafeForm(List<Operation> inRevision, List<Operation> separately, String advice, boolean equivalent) {

    public SafeForm {
        inRevision = List.copyOf(inRevision);
        separately = List.copyOf(separately);
        advice = advice == null ? "" : advice;
    }

    /** A safer way that is not the same change: for the person to adapt. */
    public SafeForm(List<Operation> inRevision, List<Operation> separately, String advice) {
        this(inRevision, separately, advice, false);
    }

    public static SafeForm advice(String advice) {
        return new SafeForm(List.of(), List.of(), advice);
    }

    /** The same change, done by {@code separately} in a following non-transactional revision. */
    public static SafeForm separately(List<Operation> operations, String advice) {
        return new SafeForm(List.of(), operations, advice, true);
    }

    /** The same change in safer steps. */
    public static SafeForm same(List<Operation> inRevision, List<Operation> separately, String advice) {
        return new SafeForm(inRevision, separately, advice, true);
    }

    public boolean hasOperations() {
        return !inRevision.isEmpty() || !separately.isEmpty();
    }
}
