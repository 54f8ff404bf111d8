package dev.migrations.boot.cli;

import java.util.Locale;

/**
 * Tells a mistyped {@code migrations} keyword ({@code migration upgrade head}) from an argument the
 * application takes: a near miss of the keyword followed by a command name, by help, or by nothing.
 */
final class KeywordTypos {

    private KeywordTypos() {}

    /** The mistyped keyword at {@code at}, or null when the arguments are the application's. */
    static String nearMiss(String[] args, int at) {
        if (at < 0) {
            return null;
        }
        String word = args[at];
        boolean close = !word.equals(MigrationsCommandLineRunListener.COMMAND)
                && distance(word.toLowerCase(Locale.ROOT), MigrationsCommandLineRunListener.COMMAND) <= 2;
        if (!close) {
            return null;
        }
        if (at + 1 >= args.length) {
            return word;
        }
        String next = args[at + 1];
        return MigrationsCommandLine.COMMANDS.contains(next) || next.equals("--help") || next.equals("-h")
                ? word
                : null;
    }

    /** Levenshtein distance: how many single-character edits turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
