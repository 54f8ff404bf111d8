package dev.migrations.lint;

import dev.migrations.ops.Operation;
import dev.migrations.ops.OperationCode;
import dev.migrations.platform.DatabasePlatform;
import dev.migrations.platform.SafeForm;
import java.util.ArrayList;
import java.util.List;

/**
 * A safe form spelled for the revision it is for: Java statements for a Java revision, this
 * database's SQL for a SQL one, so it can be copied in as it stands.
 */
final class SafeFormText {

    private SafeFormText() {}

    static String render(SafeForm form, String rule, boolean sql, DatabasePlatform platform) {
        List<String> lines = new ArrayList<>();
        form.inRevision().forEach(op -> lines.addAll(spell(op, sql, platform)));
        if (!form.separately().isEmpty()) {
            String then = lines.isEmpty() ? "" : "then, ";
            lines.add(
                    sql
                            ? "-- " + then + "in a revision declared '-- transactional: false':"
                            : "// " + then + "in a revision declared @Revision(..., transactional = false):");
            form.separately().forEach(op -> lines.addAll(spell(op, sql, platform)));
        }
        String advice = form.advice()
                .replace(
                        GenericRules.IGNORE,
                        sql
                                ? "'-- lint_ignore: " + rule + ": <why it is safe now>'"
                                : "@Revision(..., lintIgnore = \"" + rule + ": <why it is safe now>\")");
        if (!advice.isBlank()) {
            lines.add((lines.isEmpty() ? "" : sql ? "-- " : "// ") + advice);
        }
        return String.join("\n", lines);
    }

    private static List<String> spell(Operation op, boolean sql, DatabasePlatform platform) {
        if (!sql) {
            return List.of(op.accept(OperationCode.INSTANCE));
        }
        List<String> statements = new ArrayList<>();
        platform.ddl().render(op).forEach(s -> statements.add(s.strip() + ";"));
        return statements;
    }
}
