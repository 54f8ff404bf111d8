package dev.migrations.internal.script;

import dev.migrations.api.Ops;
import dev.migrations.internal.graph.RevisionNode;
import java.util.List;

/** A revision as found on disk or on the classpath: its header and the code that runs it. */
public abstract sealed class MigrationScript permits SqlMigrationScript, JavaMigrationScript {

    private final RevisionNode node;
    private final String message;
    private final String createDate;
    private final boolean transactional;
    private final List<String> lintIgnore;

    protected MigrationScript(Header header, String source) {
        this.node = new RevisionNode(
                header.id(), header.downRevisions(), header.dependsOn(), header.branchLabels(), source);
        this.message = header.message();
        this.createDate = header.createDate();
        this.transactional = header.transactional();
        this.lintIgnore = header.lintIgnore();
    }

    public String id() {
        return node.id();
    }

    public RevisionNode node() {
        return node;
    }

    public String message() {
        return message;
    }

    public String createDate() {
        return createDate;
    }

    public boolean transactional() {
        return transactional;
    }

    /** The lint findings the revision accepts, each {@code "rule-id: reason"}, as its header gives them. */
    public List<String> lintIgnore() {
        return lintIgnore;
    }

    /** The header as the script gives it. */
    public Header header() {
        return new Header(
                node.id(),
                node.downRevisions(),
                node.declaredBranchLabels(),
                node.dependsOn(),
                message,
                createDate,
                transactional,
                lintIgnore);
    }

    /** The file or class the revision came from. */
    public String source() {
        return node.source();
    }

    /** The checksum stored with each run, or null when this script is not checksummed. */
    public abstract String checksum();

    /**
     * Fails with a message naming the file when the script cannot run in that direction (a malformed
     * SQL section, a missing downgrade), before anything is run.
     */
    public void check(boolean upgrade) {}

    public abstract void upgrade(Ops ops) throws Exception;

    public abstract void downgrade(Ops ops) throws Exception;

    /** The header fields both script formats share. */
    public record Header(
            String id,
            List<String> downRevisions,
            List<String> branchLabels,
            List<String> dependsOn,
            String message,
            String createDate,
            boolean transactional,
            List<String> lintIgnore) {

        public Header {
            lintIgnore = lintIgnore == null ? List.of() : List.copyOf(lintIgnore);
        }

        public Header(
                String id,
                List<String> downRevisions,
                List<String> branchLabels,
                List<String> dependsOn,
                String message,
                String createDate,
                boolean transactional) {
            this(id, downRevisions, branchLabels, dependsOn, message, createDate, transactional, List.of());
        }
    }
}
