package dev.migrations;

import dev.migrations.autogenerate.compare.SchemaDiff;
import java.util.List;

/**
 * What {@code check} found: the database is at the scripts' heads (else check fails before
 * comparing), and the entities' differences with it.
 *
 * @param heads the database's heads
 * @param diff what a new revision would have to do; empty when the entities match the database
 */
public record CheckResult(List<String> heads, SchemaDiff diff) {

    public boolean passed() {
        return diff.isEmpty();
    }
}
