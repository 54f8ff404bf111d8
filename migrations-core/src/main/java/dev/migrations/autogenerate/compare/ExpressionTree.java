package dev.migrations.autogenerate.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The small SQL expression grammar catalogs write check conditions and defaults in: literals,
 * names, calls, casts, arithmetic, comparisons, {@code IN}, {@code BETWEEN}, {@code IS NULL},
 * {@code = ANY (ARRAY[...])}, {@code AND}, {@code OR}, {@code NOT}. Anything else is refused
 * ({@link IllegalArgumentException}), and the caller keeps the text as it is.
 */
final class ExpressionTree {

    private ExpressionTree() {}

    sealed interface Node {}

    /** A literal, a number, a (possibly qualified or quoted) name, or NULL / TRUE / FALSE. */
    record Atom(String text, boolean literal) implements Node {}

    record Call(String name, List<Node> arguments) implements Node {}

    record Cast(Node value, String type) implements Node {}

    record Binary(String op, Node left, Node right) implements Node {}

    record Not(Node value) implements Node {}

    record Negative(Node value) implements Node {}

    record Is(Node value, String what) implements Node {}

    record In(Node value, List<Node> items, boolean negated) implements Node {}

    record Between(Node value, Node low, Node high) implements Node {}

    record Quantified(Node value, String op, String quantifier, Node array) implements Node {}

    record ArrayOf(List<Node> items) implements Node {}

    static final Set<String> KEYWORDS =
            Set.of("and", "or", "not", "in", "is", "between", "any", "all", "array", "like", "ilike", "as", "case");
    static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "~~", "!~~");

    // ---------------------------------------------------------------- simplifying

    /** Removes the noise a catalog adds: casts to a value's own type, ANY over arrays, split ranges. */
    static final class Simplifier {
        private static final Set<String> PLAIN_TYPES = Set.of(
                "character varying",
                "varchar",
                "text",
                "character",
                "bpchar",
                "integer",
                "bigint",
                "smallint",
                "numeric",
                "real",
                "double precision",
                "boolean",
                "date",
                "uuid");
        private final Set<String> textColumns;
        private boolean changed;

        Simplifier(Set<String> textColumns) {
            this.textColumns = textColumns;
        }

        boolean changed() {
            return changed;
        }

        Node simplify(Node node) {
            if (node instanceof Cast c) {
                return cast(simplify(c.value()), c.type());
            } else if (node instanceof Binary b) {
                return range(new Binary(b.op(), simplify(b.left()), simplify(b.right())));
            } else if (node instanceof Quantified q) {
                return quantified(new Quantified(simplify(q.value()), q.op(), q.quantifier(), simplify(q.array())));
            } else if (node instanceof Call c) {
                return new Call(c.name(), all(c.arguments()));
            } else if (node instanceof Not n) {
                return new Not(simplify(n.value()));
            } else if (node instanceof Negative n) {
                return new Negative(simplify(n.value()));
            } else if (node instanceof Is i) {
                return new Is(simplify(i.value()), i.what());
            } else if (node instanceof In i) {
                return new In(simplify(i.value()), all(i.items()), i.negated());
            } else if (node instanceof Between b) {
                return new Between(simplify(b.value()), simplify(b.low()), simplify(b.high()));
            } else if (node instanceof ArrayOf a) {
                return new ArrayOf(all(a.items()));
            }
            return node;
        }

        private List<Node> all(List<Node> nodes) {
            return nodes.stream().map(this::simplify).toList();
        }

        private Node cast(Node value, String type) {
            String base = type.toLowerCase(Locale.ROOT).replaceAll("\\(.*\\)", "");
            boolean literal = value instanceof Atom a && a.literal() && PLAIN_TYPES.contains(base);
            boolean ownText = value instanceof Atom a
                    && !a.literal()
                    && (base.equals("text") || base.equals("character varying"))
                    && textColumns.contains(unquoted(a.text()));
            boolean array = value instanceof ArrayOf && base.endsWith("[]");
            if (literal || ownText || array) {
                changed = true;
                return value;
            }
            return new Cast(value, type);
        }

        private Node quantified(Quantified q) {
            if (q.array() instanceof ArrayOf array && !array.items().isEmpty()) {
                if (q.op().equals("=") && q.quantifier().equals("any")) {
                    changed = true;
                    return new In(q.value(), array.items(), false);
                }
                if (q.op().equals("<>") && q.quantifier().equals("all")) {
                    changed = true;
                    return new In(q.value(), array.items(), true);
                }
            }
            return q;
        }

        /** {@code x >= a and x <= b}: {@code x between a and b}. */
        private Node range(Binary b) {
            if (b.op().equals("and")
                    && b.left() instanceof Binary low
                    && b.right() instanceof Binary high
                    && low.op().equals(">=")
                    && high.op().equals("<=")
                    && print(low.left()).equals(print(high.left()))) {
                changed = true;
                return new Between(low.left(), low.right(), high.right());
            }
            return b;
        }

        private static String unquoted(String name) {
            return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
        }
    }

    // ---------------------------------------------------------------- printing

    static String print(Node node) {
        return print(node, 0);
    }

    private static int precedence(Node node) {
        if (node instanceof Binary b) {
            if (b.op().equals("or")) {
                return 1;
            }
            if (b.op().equals("and")) {
                return 2;
            }
            if (COMPARISONS.contains(b.op())) {
                return 5;
            }
            return Set.of("+", "-", "||").contains(b.op()) ? 6 : 7;
        }
        if (node instanceof Not) {
            return 3;
        }
        if (node instanceof Is) {
            return 4;
        }
        if (node instanceof In || node instanceof Between || node instanceof Quantified) {
            return 5;
        }
        if (node instanceof Negative) {
            return 8;
        }
        return node instanceof Cast ? 9 : 10;
    }

    /** The node, in parentheses when it binds looser than {@code context} requires. */
    private static String print(Node node, int context) {
        int own = precedence(node);
        String text;
        if (node instanceof Atom a) {
            text = a.text();
        } else if (node instanceof Call c) {
            text = c.name() + "(" + join(c.arguments()) + ")";
        } else if (node instanceof Cast c) {
            text = print(c.value(), 10) + "::" + c.type();
        } else if (node instanceof Binary b) {
            text = print(b.left(), own) + " " + b.op() + " " + print(b.right(), own + 1);
        } else if (node instanceof Not n) {
            text = "not " + print(n.value(), own);
        } else if (node instanceof Negative n) {
            text = "-" + print(n.value(), own);
        } else if (node instanceof Is i) {
            text = print(i.value(), own + 1) + " " + i.what();
        } else if (node instanceof In i) {
            text = print(i.value(), own + 1) + (i.negated() ? " not in (" : " in (") + join(i.items()) + ")";
        } else if (node instanceof Between b) {
            text = print(b.value(), own + 1) + " between " + print(b.low(), own + 1) + " and "
                    + print(b.high(), own + 1);
        } else if (node instanceof Quantified q) {
            text = print(q.value(), own + 1) + " " + q.op() + " " + q.quantifier() + " (" + print(q.array()) + ")";
        } else {
            text = "ARRAY[" + join(((ArrayOf) node).items()) + "]";
        }
        return own < context ? "(" + text + ")" : text;
    }

    private static String join(List<Node> nodes) {
        List<String> parts = new ArrayList<>();
        nodes.forEach(n -> parts.add(print(n)));
        return String.join(", ", parts);
    }
}
