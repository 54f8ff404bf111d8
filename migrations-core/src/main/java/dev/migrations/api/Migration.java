package dev.migrations.api;

/**
 * A Java migration: annotate the class with {@link Revision} and put it in a scanned package
 * ({@code db.migrations} by default). The class needs a public no-argument constructor.
 */
public interface Migration {

    void upgrade(Ops ops) throws Exception;

    void downgrade(Ops ops) throws Exception;

    /**
     * A checksum for drift detection, or {@code null} (the default) to leave the revision out of
     * checksum validation. Compiled code changes with every compiler, so only the author can say
     * what "the same migration" means; returning a constant bumped on edits is enough.
     */
    default String checksum() {
        return null;
    }
}
