package dev.migrations.internal.graph;

import dev.migrations.api.MigrationsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A revision target in Alembic's grammar, parsed once: {@code head}, {@code heads}, {@code base},
 * an id, a unique prefix or a branch label, any of them narrowed to a branch ({@code label@head},
 * {@code label@base}, {@code label@rev}), the relative forms ({@code +N}, {@code -N},
 * {@code rev+N}, {@code rev-N}, {@code label@-N}, {@code head-1}) and {@code current}, which the
 * commands resolve against the database. Ranges ({@code start:end}) are a {@link Range} of two.
 * Every error about how a target is written comes from here.
 */
public sealed interface Target {

    /** The branch a target is narrowed to ({@code label@...}), or null. */
    String branch();

    /** {@code heads} or {@code label@heads}: every head (of the branch). */
    record Heads(String branch) implements Target {
        @Override
        public String toString() {
            return prefix(branch) + "heads";
        }
    }

    /** {@code head} or {@code label@head}: the single head (of the branch). */
    record Head(String branch) implements Target {
        @Override
        public String toString() {
            return prefix(branch) + "head";
        }
    }

    /** {@code base} or {@code label@base}: below every revision (of the branch). */
    record Base(String branch) implements Target {
        @Override
        public String toString() {
            return prefix(branch) + "base";
        }
    }

    /** An id, a unique prefix of at least four characters, or a branch label. */
    record Revision(String branch, String symbol) implements Target {
        @Override
        public String toString() {
            return prefix(branch) + symbol;
        }
    }

    /** {@code steps} revisions up or down from {@code anchor}, or from the database's heads when it is null. */
    record Relative(String branch, String anchor, int steps) implements Target {

        /** Where the walk starts, as a target of its own; null for the database's current heads. */
        public Target start() {
            return anchor == null ? null : symbol(branch, anchor);
        }

        @Override
        public String toString() {
            return prefix(branch) + (anchor == null ? "" : anchor) + (steps > 0 ? "+" : "") + steps;
        }
    }

    /** {@code current}: the database's revision, which a command resolves before planning. */
    record Current() implements Target {
        @Override
        public String branch() {
            return null;
        }

        @Override
        public String toString() {
            return "current";
        }
    }

    /** {@code start:end}, for offline SQL and history; a missing end is null. */
    record Range(Target lower, Target upper) {
        @Override
        public String toString() {
            return (lower == null ? "" : lower.toString()) + ":" + (upper == null ? "" : upper.toString());
        }
    }

    Pattern RELATIVE = Pattern.compile("^(?:(.+?)@)?(\\w+)?([+-]\\d+)$");

    static Target heads() {
        return new Heads(null);
    }

    static Target base() {
        return new Base(null);
    }

    /** A single target; {@code null} or blank is {@code heads}. */
    static Target parse(String text) {
        if (text == null || text.isBlank()) {
            return heads();
        }
        String t = text.strip();
        if (t.contains(":")) {
            throw new MigrationsException("Range revision not allowed: '" + t + "'. A start:end range is only for"
                    + " offline SQL (--sql) and history; name the target only.");
        }
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            int steps;
            try {
                steps = Integer.parseInt(m.group(3));
            } catch (NumberFormatException e) {
                throw new MigrationsException("Relative revision " + m.group(3) + " is too large.");
            }
            return new Relative(m.group(1), m.group(2), steps);
        }
        if ("current".equals(t)) {
            return new Current();
        }
        int at = t.lastIndexOf('@');
        if (at == 0 || at == t.length() - 1) {
            throw new MigrationsException("'" + t + "' is not a revision target: write label@head, label@base,"
                    + " label@<revision> or a revision alone.");
        }
        return at < 0 ? symbol(null, t) : symbol(t.substring(0, at), t.substring(at + 1));
    }

    /** {@code start:end}; either side may be empty ({@code :end}, {@code start:}). */
    static Range parseRange(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        if (colon < 0 || t.indexOf(':', colon + 1) >= 0) {
            throw new MigrationsException("'" + t + "' is not a range: write [start]:[end], [start]: or :[end].");
        }
        String lower = t.substring(0, colon);
        String upper = t.substring(colon + 1);
        return new Range(lower.isBlank() ? null : parse(lower), upper.isBlank() ? null : parse(upper));
    }

    /** {@code symbol} narrowed to {@code branch}: heads, head, base or a revision. */
    static Target symbol(String branch, String symbol) {
        return switch (symbol) {
            case "heads" -> new Heads(branch);
            case "head" -> new Head(branch);
            case "base" -> new Base(branch);
            default -> new Revision(branch, symbol);
        };
    }

    private static String prefix(String branch) {
        return branch == null ? "" : branch + "@";
    }
}
