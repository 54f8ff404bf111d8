package dev.migrations.lint;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * What keeps the trace's transaction from ending before the trace rolls it back: statements that
 * control transactions are never run, and the JDBC connection a Java revision takes refuses to
 * commit, roll back, close or run such a statement.
 */
final class TransactionGuard {

    private static final Set<String> CONTROL =
            Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "PREPARE", "SAVEPOINT", "RELEASE");
    private static final Set<String> REFUSED = Set.of("commit", "rollback", "close", "abort", "setAutoCommit");

    private TransactionGuard() {}

    /** Whether {@code sql} begins, ends or marks a transaction. */
    static boolean controlsTransactions(String sql) {
        SqlCursor c = new SqlCursor(sql);
        return !c.atEnd() && CONTROL.contains(c.peek().text().toUpperCase(Locale.ROOT));
    }

    static SQLException refused(String what) {
        return new SQLException("The trace runs the revisions in one transaction that it always rolls back:"
                + " the revision may not " + what + ".");
    }

    /** The connection, unable to end its transaction, close, or run a statement that would. */
    static Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    boolean harmless = name.equals("setAutoCommit") && Boolean.FALSE.equals(args[0])
                            || name.equals("rollback") && args != null;
                    if (REFUSED.contains(name) && !harmless) {
                        throw refused("call " + name + " on its connection");
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String sql && controlsTransactions(sql)) {
                        throw refused("run " + sql.strip());
                    }
                    Object result = invoke(method, target, args);
                    return result instanceof Statement statement && !(result instanceof java.sql.PreparedStatement)
                            ? statement(statement)
                            : result;
                });
    }

    private static Statement statement(Statement target) {
        return (Statement) Proxy.newProxyInstance(
                Statement.class.getClassLoader(), new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String sql && controlsTransactions(sql)) {
                        throw refused("run " + sql.strip());
                    }
                    return invoke(method, target, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
