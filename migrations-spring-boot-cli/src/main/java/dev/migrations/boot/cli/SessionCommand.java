package dev.migrations.boot.cli;

import java.util.concurrent.Callable;

/** A subcommand: picocli fills its options, {@link #call()} runs it within the shared session. */
abstract class SessionCommand implements Callable<Integer> {

    protected final Session session;

    SessionCommand(Session session) {
        this.session = session;
    }

    /** Runs the command; failures are the engine's exceptions, reported by the command line. */
    @Override
    public abstract Integer call();

    /** Whether the command compares the JPA entities with the database, so Hibernate must start. */
    boolean needsEntities() {
        return false;
    }
}
