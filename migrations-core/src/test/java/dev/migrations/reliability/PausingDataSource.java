package dev.migrations.reliability;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource whose connections stop at a chosen point (before or after a statement containing
 * some text, or at the n-th commit) after printing {@code PAUSED ...}, until a line arrives on
 * standard input: the kill tests kill the process there, so the points are exact rather than timed.
 * {@code during:TEXT} only prints {@code RUNNING TEXT} as the statement is sent, for a kill while
 * the server executes it.
 */
final class PausingDataSource implements DataSource {

    /** One point to stop at. */
    record Pause(String when, String text, int commit) {

        static Pause parse(String spec) {
            int colon = spec.indexOf(':');
            String when = spec.substring(0, colon);
            String rest = spec.substring(colon + 1);
            return when.equals("commit") ? new Pause(when, null, Integer.parseInt(rest)) : new Pause(when, rest, 0);
        }

        boolean matches(String when, String sql) {
            return this.when.equals(when)
                    && sql != null
                    && sql.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
        }
    }

    private final DataSource delegate;
    private final List<Pause> pauses;
    private final AtomicInteger commits = new AtomicInteger();

    PausingDataSource(DataSource delegate, List<Pause> pauses) {
        this.delegate = delegate;
        this.pauses = pauses;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return wrap(delegate.getConnection(user, password));
    }

    private Connection wrap(Connection connection) {
        if (pauses.isEmpty()) {
            return connection;
        }
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("commit")) {
                int n = commits.incrementAndGet();
                for (Pause pause : pauses) {
                    if (pause.when().equals("commit") && pause.commit() == n) {
                        stop("commit:" + n);
                    }
                }
            }
            Object result = invoke(connection, method, args);
            if (result instanceof PreparedStatement prepared) {
                return statement(prepared, PreparedStatement.class, (String) args[0]);
            }
            if (result instanceof Statement statement) {
                return statement(statement, Statement.class, null);
            }
            return result;
        };
        return (Connection)
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private <T extends Statement> T statement(T target, Class<T> type, String preparedSql) {
        InvocationHandler handler = (proxy, method, args) -> {
            boolean executes = method.getName().startsWith("execute");
            String sql = preparedSql != null
                    ? preparedSql
                    : args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            if (executes) {
                check("before", sql);
            }
            Object result = invoke(target, method, args);
            if (executes) {
                check("after", sql);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler));
    }

    private void check(String when, String sql) {
        for (Pause pause : pauses) {
            if (pause.matches(when, sql)) {
                stop(when + ":" + pause.text());
            } else if (when.equals("before") && pause.matches("during", sql)) {
                // The statement goes on running: the test kills the process while the server executes it.
                System.out.println("RUNNING " + pause.text());
                System.out.flush();
            }
        }
    }

    /** Stops until the test writes a line to standard input (or kills the process). */
    private static void stop(String point) {
        System.out.println("PAUSED " + point);
        System.out.flush();
        try {
            if (System.in.read() < 0) {
                Thread.sleep(Long.MAX_VALUE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.migrations");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
