package dev.migrations.lint;

import dev.migrations.platform.TableSize;
import java.util.List;
import java.util.Map;

/**
 * The lint of one revision: its lock preview, statement by statement, and its findings.
 *
 * @param sizes the catalog's estimates of the tables it touches, when read from a live database
 */
public record RevisionLint(
        String revision,
        String message,
        String source,
        boolean transactional,
        List<LockPreview> preview,
        List<Finding> findings,
        Map<String, TableSize> sizes) {

    public RevisionLint {
        preview = List.copyOf(preview);
        findings = List.copyOf(findings);
        sizes = Map.copyOf(sizes);
    }
}
