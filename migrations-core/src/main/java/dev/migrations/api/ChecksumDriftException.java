package dev.migrations.api;

import java.util.List;

/** Applied revisions whose scripts were edited after they ran; the engine refuses to go on. */
public final class ChecksumDriftException extends MigrationsException {

    private static final long serialVersionUID = 1L;

    private final transient List<Validation.ChecksumMismatch> mismatches;

    public ChecksumDriftException(List<Validation.ChecksumMismatch> mismatches) {
        super(describe(mismatches), mismatches.get(0).revision(), null);
        this.mismatches = List.copyOf(mismatches);
    }

    public List<Validation.ChecksumMismatch> mismatches() {
        return mismatches;
    }

    private static String describe(List<Validation.ChecksumMismatch> mismatches) {
        StringBuilder message = new StringBuilder("Applied migration scripts were edited after they ran:");
        for (Validation.ChecksumMismatch m : mismatches) {
            message.append("\n  revision ")
                    .append(m.revision())
                    .append(" (")
                    .append(m.source())
                    .append("): recorded checksum ")
                    .append(m.recorded())
                    .append(", now ")
                    .append(m.current());
        }
        return message.append("\nRestore the applied scripts and put the change in a new revision"
                        + " (`migrations revision -m ...`), or turn validateChecksums off to accept edits.")
                .toString();
    }
}
