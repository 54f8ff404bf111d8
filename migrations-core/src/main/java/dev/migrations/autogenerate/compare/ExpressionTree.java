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

    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "not", "in", "is", "between", "any", "all", "array", "like", "ilike", "as", "case");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "~~", "!~~");

    // ---------------------------------------------------------------- parsing

    static final class Parser {
        private final List<String> tokens;
        private int at;
        private boolean wrapped;

        Parser(String text) {
            tokens = tokenize(text);
        }

        /** Whether the whole expression stood in parentheses, which a person would not write. */
        boolean wrapped() {
            return wrapped;
        }

        Node parse() {
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            Node node = or();
            if (at != tokens.size()) {
                throw new IllegalArgumentException("unexpected " + tokens.get(at));
            }
            wrapped = tokens.get(0).equals("(") && closes(0) == tokens.size() - 1;
            return node;
        }

        private int closes(int open) {
            int depth = 0;
            for (int i = open; i < tokens.size(); i++) {
                depth += tokens.get(i).equals("(") ? 1 : tokens.get(i).equals(")") ? -1 : 0;
                if (depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private Node or() {
            Node left = and();
            while (word("or")) {
                left = new Binary("or", left, and());
            }
            return left;
        }

        private Node and() {
            Node left = not();
            while (word("and")) {
                left = new Binary("and", left, not());
            }
            return left;
        }

        private Node not() {
            return word("not") ? new Not(not()) : comparison();
        }

        private Node comparison() {
            Node left = additive();
            if (word("is")) {
                boolean negated = word("not");
                String what = next().toLowerCase(Locale.ROOT);
                if (!Set.of("null", "true", "false").contains(what)) {
                    throw new IllegalArgumentException("is " + what);
                }
                return new Is(left, (negated ? "is not " : "is ") + what);
            }
            boolean negated = word("not");
            if (word("in")) {
                expect("(");
                List<Node> items = list(")");
                return new In(left, items, negated);
            }
            if (!negated && word("between")) {
                Node low = additive();
                if (!word("and")) {
                    throw new IllegalArgumentException("between without and");
                }
                return new Between(left, low, additive());
            }
            if (negated) {
                throw new IllegalArgumentException("not");
            }
            if (at < tokens.size() && COMPARISONS.contains(tokens.get(at))) {
                String op = next();
                if (peekWord("any") || peekWord("all")) {
                    String quantifier = next().toLowerCase(Locale.ROOT);
                    expect("(");
                    Node array = or();
                    expect(")");
                    return new Quantified(left, op, quantifier, array);
                }
                return new Binary(op, left, additive());
            }
            return left;
        }

        private Node additive() {
            Node left = multiplicative();
            while (at < tokens.size() && Set.of("+", "-", "||").contains(tokens.get(at))) {
                String op = next();
                left = new Binary(op, left, multiplicative());
            }
            return left;
        }

        private Node multiplicative() {
            Node left = unary();
            while (at < tokens.size() && Set.of("*", "/", "%").contains(tokens.get(at))) {
                String op = next();
                left = new Binary(op, left, unary());
            }
            return left;
        }

        private Node unary() {
            if (at < tokens.size() && tokens.get(at).equals("-")) {
                next();
                return new Negative(unary());
            }
            Node value = primary();
            while (at < tokens.size() && tokens.get(at).equals("::")) {
                next();
                value = new Cast(value, typeName());
            }
            return value;
        }

        private String typeName() {
            StringBuilder type = new StringBuilder();
            while (at < tokens.size() && isName(tokens.get(at)) && !isKeyword(tokens.get(at))) {
                type.append(type.length() == 0 ? "" : " ").append(next());
                if (at < tokens.size() && tokens.get(at).equals("(")) {
                    int end = closes(at);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed type");
                    }
                    while (at <= end) {
                        type.append(next());
                    }
                }
            }
            if (at + 1 < tokens.size()
                    && tokens.get(at).equals("[")
                    && tokens.get(at + 1).equals("]")) {
                at += 2;
                type.append("[]");
            }
            if (type.length() == 0) {
                throw new IllegalArgumentException("cast without a type");
            }
            return type.toString();
        }

        private Node primary() {
            String token = next();
            if (token.equals("(")) {
                Node inner = or();
                expect(")");
                return inner;
            }
            if (token.startsWith("'") || Character.isDigit(token.charAt(0))) {
                return new Atom(token, true);
            }
            if (token.equalsIgnoreCase("array")) {
                expect("[");
                return new ArrayOf(list("]"));
            }
            if (!isName(token) || isKeyword(token)) {
                throw new IllegalArgumentException("unexpected " + token);
            }
            String name = token;
            while (at + 1 < tokens.size() && tokens.get(at).equals(".") && isName(tokens.get(at + 1))) {
                name += "." + tokens.get(at + 1);
                at += 2;
            }
            if (at < tokens.size() && tokens.get(at).equals("(")) {
                next();
                return new Call(name, list(")"));
            }
            return new Atom(name, false);
        }

        private List<Node> list(String close) {
            List<Node> items = new ArrayList<>();
            if (at < tokens.size() && tokens.get(at).equals(close)) {
                next();
                return items;
            }
            do {
                items.add(or());
            } while (at < tokens.size() && tokens.get(at).equals(",") && next() != null);
            expect(close);
            return items;
        }

        private boolean word(String keyword) {
            if (peekWord(keyword)) {
                at++;
                return true;
            }
            return false;
        }

        private boolean peekWord(String keyword) {
            return at < tokens.size() && tokens.get(at).equalsIgnoreCase(keyword);
        }

        private void expect(String token) {
            if (at >= tokens.size() || !tokens.get(at).equals(token)) {
                throw new IllegalArgumentException("expected " + token);
            }
            at++;
        }

        private String next() {
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return tokens.get(at++);
        }
    }

    private static boolean isName(String token) {
        char c = token.charAt(0);
        return Character.isLetter(c) || c == '_' || c == '"';
    }

    private static boolean isKeyword(String token) {
        return KEYWORDS.contains(token.toLowerCase(Locale.ROOT));
    }

    static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (c == '\'' || c == '"') {
                i++;
                while (i < text.length()) {
                    if (text.charAt(i) == c && (i + 1 >= text.length() || text.charAt(i + 1) != c)) {
                        break;
                    }
                    i += text.charAt(i) == c ? 2 : 1;
                }
                if (i >= text.length()) {
                    throw new IllegalArgumentException("unclosed quote");
                }
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < text.length()
                        && (Character.isLetterOrDigit(text.charAt(i)) || "_$".indexOf(text.charAt(i)) >= 0)) {
                    i++;
                }
            } else if (Character.isDigit(c)) {
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
            } else {
                String three = text.substring(i, Math.min(i + 3, text.length()));
                String two = text.substring(i, Math.min(i + 2, text.length()));
                if (three.equals("!~~")) {
                    i += 3;
                } else if (Set.of("::", "<=", ">=", "<>", "!=", "||", "~~").contains(two)) {
                    i += 2;
                } else if ("=<>+-*/%(),[].".indexOf(c) >= 0) {
                    i++;
                } else {
                    throw new IllegalArgumentException("unexpected " + c);
                }
            }
            tokens.add(text.substring(start, i));
        }
        return tokens;
    }

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
