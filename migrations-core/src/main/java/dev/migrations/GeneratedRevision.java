package dev.migrations;

import dev.migrations.autogenerate.compare.SchemaDiff;
import dev.migrations.lint.LintReport;
import java.nio.file.Path;

/**
 * What {@code revision} did.
 *
 * @param revision the new revision's id, or null when nothing was written
 * @param file the file written, or null when autogenerate found nothing to write
 * @param diff what autogenerate found, or null for an empty scaffold
 * @param followUp with {@code --safe}, the non-transactional revision written after {@code file} for
 *     what must run outside a transaction (concurrent index builds, validations); otherwise null
 * @param lint the lint of what was written (its findings are comments in the file too), or null
 */
public record GeneratedRevision(String revision, Path file, SchemaDiff diff, Path followUp, LintReport lint) {

    public GeneratedRevision(String revision, Path file, SchemaDiff diff) {
        this(revision, file, diff, null, null);
    }

    public boolean written() {
        return file != null;
    }
}
