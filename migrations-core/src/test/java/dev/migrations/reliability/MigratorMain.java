package dev.migrations.reliability;

import dev.migrations.Migrations;
import dev.migrations.MigrationsConfiguration;
import dev.migrations.TenantRun;
import dev.migrations.api.AppliedStep;
import dev.migrations.api.DeadHolderPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A migrating instance in its own JVM, as a booting application would be: upgrades to heads and
 * prints {@code APPLIED n}, or {@code FAILED message} with exit status 2. Options:
 * <ul>
 * <li>{@code --lock-wait=S}: the lock-wait timeout in seconds;</li>
 * <li>{@code --dead-holder=terminate};</li>
 * <li>{@code --tenants=a,b,c}: upgrades these schema tenants instead, printing the steps of all;</li>
 * <li>{@code --pending}: first prints {@code PENDING n}, read without the lock as a boot's status is;</li>
 * <li>{@code --pause=before:TEXT}, {@code --pause=after:TEXT}, {@code --pause=commit:N}: stops for
 * good at that point, after printing {@code PAUSED ...}, for the test to kill it there.</li>
 * </ul>
 */
public final class MigratorMain {

    private MigratorMain() {}

    public static void main(String[] args) {
        String url = args[0];
        MigrationsConfiguration config = Migrations.configure().locations(args[1]);
        boolean printPending = false;
        boolean tenants = false;
        List<PausingDataSource.Pause> pauses = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String option = args[i];
            if (option.startsWith("--lock-wait=")) {
                config.lockWaitTimeout(Duration.ofSeconds(Long.parseLong(option.substring("--lock-wait=".length()))));
            } else if (option.equals("--dead-holder=terminate")) {
                config.deadHolder(DeadHolderPolicy.TERMINATE);
            } else if (option.startsWith("--tenants=")) {
                config.tenantSchemas(option.substring("--tenants=".length()).split(","));
                tenants = true;
            } else if (option.equals("--pending")) {
                printPending = true;
            } else if (option.startsWith("--pause=")) {
                pauses.add(PausingDataSource.Pause.parse(option.substring("--pause=".length())));
            } else {
                throw new IllegalArgumentException("unknown option " + option);
            }
        }
        Migrations migrations = config.dataSource(new PausingDataSource(dataSource(url), pauses))
                .load();
        try {
            if (printPending) {
                System.out.println("PENDING " + migrations.status().pending().size());
            }
            if (tenants) {
                TenantRun<List<AppliedStep>> run = migrations.tenants().upgrade("heads");
                if (run.anyFailed()) {
                    throw new IllegalStateException(run.summary());
                }
                int steps =
                        run.results().stream().mapToInt(r -> r.value().size()).sum();
                System.out.println("APPLIED " + steps);
                return;
            }
            List<AppliedStep> applied = migrations.upgrade("heads");
            System.out.println("APPLIED " + applied.size());
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage().replace('\n', ' '));
            System.exit(2);
        }
    }

    static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl(url);
            return sqlite;
        }
        if (url.startsWith("jdbc:mariadb:")) {
            try {
                return new org.mariadb.jdbc.MariaDbDataSource(url);
            } catch (java.sql.SQLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(url);
        return pg;
    }
}
