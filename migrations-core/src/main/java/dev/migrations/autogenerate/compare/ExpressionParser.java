package dev.migrations.autogenerate.compare;

import dev.migrations.autogenerate.compare.ExpressionTree.ArrayOf;
import dev.migrations.autogenerate.compare.ExpressionTree.Atom;
import dev.migrations.autogenerate.compare.ExpressionTree.Between;
import dev.migrations.autogenerate.compare.ExpressionTree.Binary;
import dev.migrations.autogenerate.compare.ExpressionTree.Call;
import dev.migrations.autogenerate.compare.ExpressionTree.Cast;
import dev.migrations.autogenerate.compare.ExpressionTree.In;
import dev.migrations.autogenerate.compare.ExpressionTree.Is;
import dev.migrations.autogenerate.compare.ExpressionTree.Negative;
import dev.migrations.autogenerate.compare.ExpressionTree.Node;
import dev.migrations.autogenerate.compare.ExpressionTree.Not;
import dev.migrations.autogenerate.compare.ExpressionTree.Quantified;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a condition or default into an {@link ExpressionTree}; refuses what the grammar does not know. */
final class ExpressionParser {
    private final List<String> tokens;
    private int at;
    private boolean wrapped;

    ExpressionParser(String text) {
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
        if (at < tokens.size() && ExpressionTree.COMPARISONS.contains(tokens.get(at))) {
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

    private static boolean isName(String token) {
        char c = token.charAt(0);
        return Character.isLetter(c) || c == '_' || c == '"';
    }

    private static boolean isKeyword(String token) {
        return ExpressionTree.KEYWORDS.contains(token.toLowerCase(Locale.ROOT));
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
}
