package dev.migrations;

import dev.migrations.runtime.AppliedStep;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** Run in a separate JVM by {@link TwoProcessTest}: upgrades to heads and prints how many it applied. */
public final class ConcurrentMigrateMain {

    private ConcurrentMigrateMain() {
    }

    public static void main(String[] args) {
        String url = args[0];
        DataSource dataSource;
        if (url.startsWith("jdbc:sqlite:")) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl(url);
            dataSource = sqlite;
        } else {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            dataSource = pg;
        }
        List<AppliedStep> applied = Migrations.configure().dataSource(dataSource).locations(args[1]).load()
                .upgrade("heads");
        System.out.println("APPLIED " + applied.size());
    }
}
