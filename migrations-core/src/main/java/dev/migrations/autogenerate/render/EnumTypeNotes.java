package dev.migrations.autogenerate.render;

import dev.migrations.ops.DropEnumValue;
import dev.migrations.ops.Operation;
import java.util.List;

/** What a generated downgrade says about an enum type step the database cannot simply undo. */
public final class EnumTypeNotes {

    private EnumTypeNotes() {}

    /** Comment lines to write before {@code downgrade} in a generated file; none for most steps. */
    public static List<String> downgrade(Operation downgrade) {
        if (!(downgrade instanceof DropEnumValue d)) {
            return List.of();
        }
        return List.of("PostgreSQL cannot take a value out of an enum type: this recreates " + d.name() + " without '"
                + d.value() + "' and converts its columns. It fails, changing nothing, while a row holds '" + d.value()
                + "': update or delete those rows before this line.");
    }
}
