package dev.migrations;

import dev.migrations.autogenerate.compare.SchemaDiff;
import java.nio.file.Path;

/**
 * What {@code revision} did.
 *
 * @param revision the new revision's id, or null when nothing was written
 * @param file the file written, or null when autogenerate found nothing to write
 * @param diff what autogenerate found, or null for an empty scaffold
 */
public record GeneratedRevision(String revision, Path file, SchemaDiff diff) {

    public boolean written() {
        return file != null;
    }
}
