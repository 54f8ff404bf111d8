package db.migrations;

import dev.migrations.api.Migration;
import dev.migrations.api.Ops;
import dev.migrations.api.Revision;

/** A Java revision, found in the package db.migrations inside the packaged jar. */
@Revision(id = "c0ffee000002", down = "c0ffee000001", message = "seed a note")
public class Rev20261206_0905_c0ffee000002_seed_a_note implements Migration {

    @Override
    public void upgrade(Ops ops) {
        ops.execute("INSERT INTO notes (body) VALUES ('hello from a Java revision')");
    }

    @Override
    public void downgrade(Ops ops) {
        ops.execute("DELETE FROM notes");
    }
}
