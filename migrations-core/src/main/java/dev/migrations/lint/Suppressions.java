package dev.migrations.lint;

import dev.migrations.api.MigrationsException;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.SqlMigrationScript;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The findings a revision accepts, each {@code rule-id: reason}: the reason is required and shown. */
final class Suppressions {

    private final Map<String, String> reasons = new HashMap<>();

    private Suppressions() {}

    static Suppressions of(MigrationScript script, Set<String> knownRules) {
        Suppressions s = new Suppressions();
        String where = script instanceof SqlMigrationScript ? "'-- lint_ignore:' line" : "@Revision(lintIgnore = ...)";
        for (String entry : script.lintIgnore()) {
            int colon = entry.indexOf(':');
            String rule = (colon < 0 ? entry : entry.substring(0, colon)).strip();
            String reason = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (!knownRules.contains(rule)) {
                throw new MigrationsException("Revision " + script.id() + " (" + script.source() + "): the " + where
                        + " names rule '" + rule + "', which does not exist. Known rules: "
                        + String.join(", ", new java.util.TreeSet<>(knownRules)) + ".");
            }
            if (reason.isEmpty()) {
                throw new MigrationsException("Revision " + script.id() + " (" + script.source() + "): the " + where
                        + " for '" + rule + "' gives no reason. Write '" + rule
                        + ": <why it is safe here>'; the lint report shows it.");
            }
            s.reasons.put(rule, reason);
        }
        return s;
    }

    /** The reason the revision accepts the rule's findings, or null. */
    String reason(String rule) {
        return reasons.get(rule);
    }
}
