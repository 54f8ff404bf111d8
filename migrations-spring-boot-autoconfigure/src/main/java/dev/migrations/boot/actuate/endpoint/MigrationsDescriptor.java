package dev.migrations.boot.actuate.endpoint;

import dev.migrations.DatabaseStatus;
import dev.migrations.DatabaseStatus.RevisionStatus;
import dev.migrations.Migrations;
import dev.migrations.api.HistoryRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One engine's database: heads, pending revisions, every revision's state and the history. When
 * the database cannot be read, only {@code error} is set, so one broken DataSource does not hide
 * the others.
 */
public final class MigrationsDescriptor {

    private final @Nullable List<String> currentHeads;
    private final @Nullable List<String> scriptHeads;
    private final @Nullable Boolean upToDate;
    private final @Nullable List<String> pending;
    private final @Nullable List<RevisionDescriptor> revisions;
    private final @Nullable List<HistoryDescriptor> history;
    private final @Nullable RevisionDetailDescriptor revision;
    private final @Nullable String error;
    private final @Nullable TenantsDescriptor tenants;

    private MigrationsDescriptor(
            @Nullable DatabaseStatus status, @Nullable RevisionDetailDescriptor revision, @Nullable String error) {
        this.currentHeads = status != null ? status.currentHeads() : null;
        this.scriptHeads = status != null ? status.scriptHeads() : null;
        this.upToDate = status != null ? status.upToDate() : null;
        this.pending = status != null ? status.pending() : null;
        this.revisions = status != null
                ? status.revisions().stream().map(RevisionDescriptor::new).toList()
                : null;
        this.history = status != null
                ? status.history().stream().map(HistoryDescriptor::new).toList()
                : null;
        this.revision = revision;
        this.error = error;
        this.tenants = null;
    }

    /** An instance with tenants: its tenants instead of the DataSource's default schema, which it does not migrate. */
    private MigrationsDescriptor(TenantsDescriptor tenants) {
        this.currentHeads = null;
        this.scriptHeads = null;
        this.upToDate = null;
        this.pending = null;
        this.revisions = null;
        this.history = null;
        this.revision = null;
        this.error = null;
        this.tenants = tenants;
    }

    MigrationsDescriptor(RevisionDetailDescriptor revision) {
        this(null, revision, null);
    }

    static MigrationsDescriptor of(Migrations migrations) {
        try {
            if (migrations.tenants().configured()) {
                return new MigrationsDescriptor(TenantsDescriptor.of(migrations));
            }
            return new MigrationsDescriptor(migrations.status(), null, null);
        } catch (RuntimeException e) {
            return new MigrationsDescriptor(null, null, e.getMessage());
        }
    }

    static @Nullable RevisionDetailDescriptor detail(Migrations migrations, String id) {
        DatabaseStatus status = migrations.status();
        RevisionStatus revision = status.revision(id);
        if (revision == null) {
            return null;
        }
        return new RevisionDetailDescriptor(
                revision,
                status.historyOf(id).stream().map(HistoryDescriptor::new).toList());
    }

    public @Nullable List<String> getCurrentHeads() {
        return currentHeads;
    }

    public @Nullable List<String> getScriptHeads() {
        return scriptHeads;
    }

    public @Nullable Boolean getUpToDate() {
        return upToDate;
    }

    public @Nullable List<String> getPending() {
        return pending;
    }

    public @Nullable List<RevisionDescriptor> getRevisions() {
        return revisions;
    }

    public @Nullable List<HistoryDescriptor> getHistory() {
        return history;
    }

    public @Nullable TenantsDescriptor getTenants() {
        return tenants;
    }

    public @Nullable RevisionDetailDescriptor getRevision() {
        return revision;
    }

    public @Nullable String getError() {
        return error;
    }

    /** A revision: its header, where it came from and its state in this database. */
    public static class RevisionDescriptor {

        private final RevisionStatus status;

        RevisionDescriptor(RevisionStatus status) {
            this.status = status;
        }

        public String getRevision() {
            return status.id();
        }

        /** applied, pending, failed, checksum-mismatch or missing-from-scripts. */
        public String getState() {
            return status.state().name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public List<String> getDownRevisions() {
            return status.downRevisions();
        }

        public List<String> getDependsOn() {
            return status.dependsOn();
        }

        public List<String> getBranchLabels() {
            return status.branchLabels();
        }

        public @Nullable String getMessage() {
            return status.message();
        }

        /** The script's file or class; absent for a revision missing from the scripts. */
        public @Nullable String getSource() {
            return status.source();
        }

        public @Nullable String getCreateDate() {
            return status.createDate();
        }

        public @Nullable String getChecksum() {
            return status.checksum();
        }
    }

    /** A revision with its own history rows, for {@code /actuator/migrations/{revision}}. */
    public static final class RevisionDetailDescriptor extends RevisionDescriptor {

        private final List<HistoryDescriptor> history;

        RevisionDetailDescriptor(RevisionStatus status, List<HistoryDescriptor> history) {
            super(status);
            this.history = history;
        }

        public List<HistoryDescriptor> getHistory() {
            return history;
        }
    }

    /** A history row: one upgrade, downgrade or stamp, who ran it, when, how long and how it went. */
    public static final class HistoryDescriptor {

        private final HistoryRecord row;

        HistoryDescriptor(HistoryRecord row) {
            this.row = row;
        }

        public long getId() {
            return row.id();
        }

        public String getRevision() {
            return row.revision();
        }

        public String getDirection() {
            return row.direction().sqlName();
        }

        public List<String> getDownRevisions() {
            return row.downRevisions();
        }

        public @Nullable String getMessage() {
            return row.message();
        }

        public @Nullable String getChecksum() {
            return row.checksum();
        }

        public @Nullable Instant getAppliedAt() {
            return row.appliedAt();
        }

        /** Milliseconds. */
        public long getExecutionTime() {
            return row.executionMillis();
        }

        public @Nullable String getAppliedBy() {
            return row.appliedBy();
        }

        public boolean isSuccess() {
            return row.success();
        }

        /**
         * Where the revision ran without a transaction around its DDL: how many of its statements
         * completed; with {@code success} false, the revision is partly applied. Left out otherwise.
         */
        public @Nullable Integer getStatementsDone() {
            return row.statementsDone() == 0 ? null : row.statementsDone();
        }

        /** The database's message, first line only: the failing statement's text is left out. */
        public @Nullable String getError() {
            String error = row.error();
            if (error == null) {
                return null;
            }
            int newline = error.indexOf('\n');
            return newline < 0 ? error : error.substring(0, newline);
        }
    }
}
