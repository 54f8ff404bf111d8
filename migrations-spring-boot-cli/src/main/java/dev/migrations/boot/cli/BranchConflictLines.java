package dev.migrations.boot.cli;

import dev.migrations.Migrations;
import dev.migrations.lint.BranchConflicts;
import java.io.PrintWriter;
import java.util.List;

/** The conflicting branches report that {@code heads}, {@code merge} and {@code check} print. */
final class BranchConflictLines {

    private BranchConflictLines() {}

    /** Prints the heads' conflicts, if any; returns whether there were some. */
    static boolean print(Migrations migrations, PrintWriter out) {
        List<String> lines = BranchConflicts.lines(migrations.branchConflicts());
        if (lines.isEmpty()) {
            return false;
        }
        out.println("Conflicting branches: the heads change the same objects, and a merge runs them in an order"
                + " nobody chose");
        lines.forEach(line -> out.println("  " + line));
        return true;
    }
}
