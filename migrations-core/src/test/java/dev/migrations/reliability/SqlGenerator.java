package dev.migrations.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random SQL for the property tests: statements built from the constructs the splitter must see
 * through (strings, quoted identifiers, dollar quotes, comments, trigger bodies), each hiding
 * semicolons and quotes of the others, and plain noise for the robustness properties.
 */
final class SqlGenerator {

    private static final String[] WORDS = {
        "SELECT", "x", "1", "CREATE", "TRIGGER", "t_1", "INSERT", "INTO", "VALUES", "DO", "Ea", "e1", "a$b", "CASE",
        "WHEN", "THEN", "ELSE", "END", "BEGIN", "NULL", "t", "'", "naïve", "東京"
    };
    private static final String TEXT = ";'\"$-/*\\ \nab東";
    private static final String NOISE = "';\"$-/*\n\t EeBEGINDCASTR$$x_1\\`()";

    private final Random random;

    SqlGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Between one and five statements, each starting with a word and without its terminating semicolon. */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            statements.add(random.nextInt(8) == 0 ? trigger() : statement());
        }
        return statements;
    }

    /** The statements joined by semicolons and random whitespace, maybe with a final semicolon. */
    String join(List<String> statements) {
        StringBuilder text = new StringBuilder(whitespace());
        for (int i = 0; i < statements.size(); i++) {
            text.append(statements.get(i));
            if (i < statements.size() - 1 || random.nextBoolean()) {
                text.append(whitespace()).append(';');
            }
            text.append(whitespace());
        }
        return text.toString();
    }

    /** Text that is mostly not valid SQL: quotes, comment starts and dollar signs in any order. */
    String noise() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(6) == 0) {
                text.append(' ').append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            } else {
                text.append(NOISE.charAt(random.nextInt(NOISE.length())));
            }
        }
        return text.toString();
    }

    String oneOf(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    int upTo(int bound) {
        return random.nextInt(bound);
    }

    private String statement() {
        StringBuilder s = new StringBuilder(oneOf("SELECT", "INSERT", "UPDATE", "CREATE", "DO", "x"));
        int parts = random.nextInt(8);
        for (int i = 0; i < parts; i++) {
            s.append(whitespaceAtLeastOne()).append(fragment());
        }
        return s.toString();
    }

    /** A trigger whose body holds semicolons at nesting depth one or more. */
    private String trigger() {
        StringBuilder s = new StringBuilder("CREATE TRIGGER tr_" + random.nextInt(100) + " AFTER INSERT ON t\nBEGIN\n");
        int statements = 1 + random.nextInt(3);
        for (int i = 0; i < statements; i++) {
            s.append("  ")
                    .append(
                            random.nextBoolean()
                                    ? "UPDATE t SET n = CASE WHEN n > 1 THEN 0 ELSE n END"
                                    : "INSERT INTO audit VALUES (" + bodyFragment() + ")")
                    .append(";\n");
        }
        return s.append("END").toString();
    }

    /** A fragment for a trigger body: no bare BEGIN, CASE or END, which would change its nesting. */
    private String bodyFragment() {
        String fragment = fragment();
        return fragment.equals("BEGIN") || fragment.equals("CASE") || fragment.equals("END") ? "x" : fragment;
    }

    private String fragment() {
        return switch (random.nextInt(10)) {
            case 0 -> "'" + text().replace("'", "''") + "'";
            case 1 -> "\"" + text().replace("\"", "\"\"") + "\"";
            case 2 -> "$$" + text().replace("$", "") + "$$";
            case 3 -> "$body$" + text().replace("$", "") + "$body$";
            case 4 -> "-- " + text().replace("\n", " ") + "\n";
            case 5 -> "/* " + text().replace("*", "") + (random.nextBoolean() ? " /* nested; */" : "") + " */";
            case 6 -> "E'" + text().replace("\\", "\\\\").replace("'", "\\'") + "'";
            case 7 -> "(" + oneOf("x", "1", "'a;b'") + ", " + random.nextInt(1000) + ")";
            default -> oneOf("x", "t_1", "1", "a$b", "naïve", "BEGIN", "CASE", "END", "=", "Ea");
        };
    }

    /** Up to a dozen characters full of semicolons, quotes, comment starts and newlines. */
    private String text() {
        StringBuilder t = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            t.append(TEXT.charAt(random.nextInt(TEXT.length())));
        }
        return t.toString();
    }

    private String whitespace() {
        return oneOf("", " ", "\n", "\t", "\r\n", "  \n\n ");
    }

    private String whitespaceAtLeastOne() {
        return oneOf(" ", "\n", "\t", " \n  ");
    }
}
