package dev.migrations.boot.cli;

import java.util.concurrent.Callable;

/** A subcommand: picocli fills its options, {@link #call()} runs it within the shared session. */
abstract class SessionCommand implements Callable<Integer> {

    protected final MigrationsCommandLine.Session session;

    SessionCommand(MigrationsCommandLine.Session session) {
        this.session = session;
    }
}
