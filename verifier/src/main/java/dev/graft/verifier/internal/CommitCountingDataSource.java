package dev.graft.verifier.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * A data source that counts the transactions one Flyway migration commits, and can stop it right
 * after the k-th, as a JVM crashing at that moment would. A boundary is a {@code commit()} while a
 * transaction is open, a {@code setAutoCommit(true)} while a transaction is open (JDBC commits it),
 * or a statement executed in autocommit mode. A {@code commit()} with nothing open is no boundary:
 * the database is the same after it as before.
 *
 * <p>Only the connection Flyway runs the watched migration on is counted, and only while the
 * migration runs: {@link #watching(String)} is the Flyway callback that arms it on
 * {@code BEFORE_EACH_MIGRATE} and disarms it afterwards, so Flyway's own history-table work is
 * never counted, nor are the probes Flyway's database-type code runs on that connection before it
 * calls the migration. Connections and their statements are {@link Proxy proxies}; SQL run through a
 * {@code ResultSet} or {@code DatabaseMetaData} escapes them, which costs nothing here because such
 * SQL only reads.
 *
 * <pre>{@code
 * CommitCountingDataSource counted = new CommitCountingDataSource(branch.dataSource(), 0);
 * Flyway.configure().dataSource(counted).callbacks(counted.watching("2")).target("2").load().migrate();
 * int boundaries = counted.boundaries();
 * }</pre>
 *
 * <p>One instance serves one {@code migrate} call, on one thread.
 */
final class CommitCountingDataSource extends DelegatingDataSource {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final Set<String> ALWAYS_ALLOWED = Set.of("close", "isClosed", "equals", "hashCode", "toString");

    private final int interruptAfter;
    private final List<ConnectionHandler> handed = new ArrayList<>();
    private ConnectionHandler watched;
    private boolean ran;
    private int boundaries;
    private boolean interrupted;

    /**
     * @param delegate where connections really come from
     * @param interruptAfter the boundary after which the migration is stopped; 0 to let it finish
     */
    CommitCountingDataSource(javax.sql.DataSource delegate, int interruptAfter) {
        super(delegate);
        if (interruptAfter < 0) {
            throw new IllegalArgumentException("interruptAfter < 0: " + interruptAfter);
        }
        this.interruptAfter = interruptAfter;
    }

    /** The Flyway callback that arms the counting while migration {@code version} runs. */
    Callback watching(String version) {
        return new Watch(MigrationVersion.fromVersion(Objects.requireNonNull(version, "version == null")));
    }

    /** The transactions the watched migration committed, up to the interruption if there was one. */
    int boundaries() {
        return boundaries;
    }

    /** Whether the watched migration was stopped after {@code interruptAfter} boundaries. */
    boolean interrupted() {
        return interrupted;
    }

    /** Whether the watched migration started at all. */
    boolean ran() {
        return ran;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate().getConnection(username, password));
    }

    private Connection wrap(Connection connection) throws SQLException {
        ConnectionHandler handler = new ConnectionHandler(connection);
        handler.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
        handed.add(handler);
        return handler.proxy;
    }

    private void watch(Connection connection) {
        watched = handed.stream().filter(h -> h.proxy == connection).findFirst().orElseThrow(() ->
                new IllegalStateException("Flyway runs the migration on a connection graft did not hand out"));
        ran = true;
    }

    /** A transaction was committed on the watched connection; stops the migration if it was the last allowed. */
    private void boundary() throws SQLException {
        boundaries++;
        if (boundaries == interruptAfter) {
            interrupted = true;
            throw stopped();
        }
    }

    private SQLException stopped() {
        return new SQLException("interrupted by graft after commit " + interruptAfter);
    }

    /**
     * Whether the statement being run comes from Flyway's own probes of the database rather than from
     * the migration: after {@code BEFORE_EACH_MIGRATE}, on the migration's connection and in autocommit,
     * Flyway asks the database which type it is ({@code SELECT version()}, from a database-type plugin)
     * before it calls the migration.
     */
    private static boolean probedByFlyway() {
        return STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> type.getNestHost() != CommitCountingDataSource.class && !Proxy.isProxyClass(type))
                .findFirst().map(Class::getName)
                .map(caller -> caller.startsWith("org.flywaydb.core.internal.database.")
                        || caller.startsWith("org.flywaydb.database."))
                .orElse(false));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Arms the counting for the migration's own run, and only for it. */
    private final class Watch implements Callback {
        private final MigrationVersion version;

        Watch(MigrationVersion version) {
            this.version = version;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return (event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                    || event == Event.AFTER_EACH_MIGRATE_ERROR)
                    && context.getMigrationInfo() != null && version.equals(context.getMigrationInfo().getVersion());
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            if (event == Event.BEFORE_EACH_MIGRATE) {
                watch(context.getConnection());
            } else {
                watched = null;
            }
        }

        @Override
        public String getCallbackName() {
            return "graft-commit-boundaries";
        }
    }

    /** Tracks autocommit and open transactions on one connection from the start, counts while watched. */
    private final class ConnectionHandler implements InvocationHandler {
        private final Connection target;
        private Connection proxy;
        private boolean autoCommit;
        private boolean inTransaction;

        ConnectionHandler(Connection target) throws SQLException {
            this.target = target;
            this.autoCommit = target.getAutoCommit();
        }

        private boolean counting() {
            return watched == this;
        }

        private void refuseIfStopped(Method method) throws SQLException {
            if (counting() && interrupted && !ALWAYS_ALLOWED.contains(method.getName())) {
                throw stopped();
            }
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            refuseIfStopped(method);
            switch (method.getName()) {
                case "commit" -> {
                    Object result = CommitCountingDataSource.invoke(target, method, args);
                    boolean committed = inTransaction;
                    inTransaction = false;
                    if (committed && counting()) {
                        boundary();
                    }
                    return result;
                }
                case "rollback" -> {
                    Object result = CommitCountingDataSource.invoke(target, method, args);
                    if (args == null || args.length == 0) {
                        inTransaction = false;
                    }
                    return result;
                }
                case "setAutoCommit" -> {
                    Object result = CommitCountingDataSource.invoke(target, method, args);
                    boolean on = (Boolean) args[0];
                    boolean committed = on && !autoCommit && inTransaction;
                    autoCommit = on;
                    if (on) {
                        inTransaction = false;
                    }
                    if (committed && counting()) {
                        boundary();
                    }
                    return result;
                }
                case "createStatement", "prepareStatement", "prepareCall" -> {
                    Statement statement = (Statement) CommitCountingDataSource.invoke(target, method, args);
                    Class<?> type = method.getReturnType();
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type},
                            new StatementHandler(this, statement));
                }
                default -> {
                    return CommitCountingDataSource.invoke(target, method, args);
                }
            }
        }

        /** Runs a statement of this connection: it opens a transaction or, in autocommit, commits one. */
        private Object execute(Statement statement, Method method, Object[] args) throws Throwable {
            if (!autoCommit) {
                inTransaction = true;
            }
            Object result = CommitCountingDataSource.invoke(statement, method, args);
            if (autoCommit && counting() && !probedByFlyway()) {
                boundary();
            }
            return result;
        }
    }

    /** Sends every {@code execute*} through its connection's bookkeeping; hands out the proxy as its connection. */
    private static final class StatementHandler implements InvocationHandler {
        private final ConnectionHandler connection;
        private final Statement target;

        StatementHandler(ConnectionHandler connection, Statement target) {
            this.connection = connection;
            this.target = target;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            connection.refuseIfStopped(method);
            if (method.getName().equals("getConnection")) {
                return connection.proxy;
            }
            if (method.getName().startsWith("execute")) {
                return connection.execute(target, method, args);
            }
            return CommitCountingDataSource.invoke(target, method, args);
        }
    }
}
