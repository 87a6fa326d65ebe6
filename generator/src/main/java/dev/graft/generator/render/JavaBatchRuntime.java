package dev.graft.generator.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The helper methods every generated Java migration carries, so that it depends on nothing but
 * Flyway and the JDK: statements in one transaction, statements in autocommit, and the batch
 * loop with its progress log.
 */
final class JavaBatchRuntime {

    private static final ClassName CONNECTION = ClassName.get("java.sql", "Connection");
    private static final ClassName STATEMENT = ClassName.get("java.sql", "Statement");
    private static final ClassName PREPARED = ClassName.get("java.sql", "PreparedStatement");
    private static final ClassName RESULT_SET = ClassName.get("java.sql", "ResultSet");
    private static final ClassName ARRAY = ClassName.get("java.sql", "Array");
    private static final ClassName TYPES = ClassName.get("java.sql", "Types");
    private static final ClassName SQL_EXCEPTION = ClassName.get("java.sql", "SQLException");
    private static final ClassName LOGGER = ClassName.get("java.lang", "System", "Logger");
    private static final ClassName LEVEL = ClassName.get("java.lang", "System", "Logger", "Level");

    private JavaBatchRuntime() { }

    static FieldSpec logger(String className) {
        return FieldSpec.builder(LOGGER, "LOG", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("System.getLogger($S)", "graft." + className).build();
    }

    static List<MethodSpec> methods() {
        return List.of(transaction(), autocommit(), backfill(), walk());
    }

    private static MethodSpec transaction() {
        return MethodSpec.methodBuilder("transaction")
                .addJavadoc("Runs statements in one transaction and commits.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(CONNECTION, "connection")
                .addParameter(ParameterSpec.builder(String[].class, "statements").build()).varargs()
                .addException(SQL_EXCEPTION)
                .beginControlFlow("try ($T statement = connection.createStatement())", STATEMENT)
                .beginControlFlow("for (String sql : statements)")
                .addStatement("statement.execute(sql)")
                .endControlFlow()
                .addStatement("connection.commit()")
                .nextControlFlow("catch ($T e)", SQL_EXCEPTION)
                .addStatement("connection.rollback()")
                .addStatement("throw e")
                .endControlFlow()
                .build();
    }

    private static MethodSpec autocommit() {
        return MethodSpec.methodBuilder("autocommit")
                .addJavadoc("Runs a statement that cannot run in a transaction block.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(CONNECTION, "connection").addParameter(String.class, "sql")
                .addException(SQL_EXCEPTION)
                .addStatement("connection.setAutoCommit(true)")
                .beginControlFlow("try ($T statement = connection.createStatement())", STATEMENT)
                .addStatement("statement.execute(sql)")
                .nextControlFlow("finally")
                .addStatement("connection.setAutoCommit(false)")
                .endControlFlow()
                .build();
    }

    private static MethodSpec backfill() {
        return MethodSpec.methodBuilder("backfill")
                .addJavadoc("Walks the table in key order, a committed batch at a time, unless an earlier run finished;"
                        + " claimed for the session meanwhile, and resumed after the last key an interrupted run"
                        + " committed.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(CONNECTION, "connection").addParameter(String.class, "table")
                .addParameter(String.class, "mode").addParameter(String.class, "countSql")
                .addParameter(String.class, "firstSql").addParameter(String.class, "nextSql")
                .addParameter(int.class, "keyColumns")
                .addParameter(String.class, "finishedSql").addParameter(String.class, "claimSql")
                .addParameter(String.class, "doneSql").addParameter(String.class, "releaseSql")
                .addParameter(String.class, "resumeSql").addParameter(String.class, "markSql")
                .addException(SQL_EXCEPTION)
                .beginControlFlow("if (!finishedSql.isEmpty())")
                .beginControlFlow("try ($T statement = connection.createStatement(); $T rows = statement.executeQuery(finishedSql))",
                        STATEMENT, RESULT_SET)
                .addStatement("rows.next()")
                .beginControlFlow("if (rows.getBoolean(1))")
                .addStatement("connection.commit()")
                .addStatement("LOG.log($T.INFO, $S, table)", LEVEL, "graft: backfill {0}: finished by an earlier run")
                .addStatement("return")
                .endControlFlow()
                .endControlFlow()
                .addStatement("transaction(connection, claimSql)")
                .endControlFlow()
                .beginControlFlow("try")
                .addStatement("String[] last = null")
                .beginControlFlow("if (!resumeSql.isEmpty())")
                .beginControlFlow("try ($T statement = connection.createStatement(); $T rows = statement.executeQuery(resumeSql))",
                        STATEMENT, RESULT_SET)
                .addStatement("rows.next()")
                .addStatement("$T resumed = rows.getArray(1)", ARRAY)
                .addStatement("last = resumed == null ? null : (String[]) resumed.getArray()")
                .endControlFlow()
                .addStatement("connection.commit()")
                .endControlFlow()
                .addStatement("walk(connection, table, mode, countSql, firstSql, nextSql, keyColumns, markSql, last)")
                .beginControlFlow("if (!doneSql.isEmpty())")
                .addStatement("transaction(connection, doneSql)")
                .endControlFlow()
                .nextControlFlow("finally")
                .beginControlFlow("if (!releaseSql.isEmpty())")
                .addStatement("transaction(connection, releaseSql)")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private static MethodSpec walk() {
        return MethodSpec.methodBuilder("walk")
                .addJavadoc("The batches after {@code last} (from the first key if null), each committed with its last"
                        + " key; rows already done are skipped; progress at most every $L seconds.\n",
                        BackfillBlock.REPORT_SECONDS)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(CONNECTION, "connection").addParameter(String.class, "table")
                .addParameter(String.class, "mode").addParameter(String.class, "countSql")
                .addParameter(String.class, "firstSql").addParameter(String.class, "nextSql")
                .addParameter(int.class, "keyColumns").addParameter(String.class, "markSql")
                .addParameter(String[].class, "last")
                .addException(SQL_EXCEPTION)
                .addStatement("long total")
                .addStatement("long walked")
                .beginControlFlow("try ($T count = connection.prepareStatement(countSql))", PREPARED)
                .beginControlFlow("for (int i = 0; i < keyColumns; i++)")
                .addStatement("count.setObject(i + 1, last == null ? null : last[i], $T.OTHER)", TYPES)
                .endControlFlow()
                .beginControlFlow("try ($T rows = count.executeQuery())", RESULT_SET)
                .addStatement("rows.next()")
                .addStatement("total = rows.getLong(1)")
                .addStatement("walked = rows.getLong(2)")
                .endControlFlow()
                .endControlFlow()
                .addStatement("connection.commit()")
                .addStatement("long resumed = walked")
                .addStatement("long started = System.nanoTime()")
                .addStatement("long reported = started")
                .addStatement("long updated = 0")
                .beginControlFlow("while (true)")
                .beginControlFlow("try ($T batch = connection.prepareStatement(last == null ? firstSql : nextSql))", PREPARED)
                .beginControlFlow("try ($T setting = connection.prepareStatement($S))", PREPARED,
                        "SELECT pg_catalog.set_config('graft.backfill', ?, true),"
                                + " pg_catalog.set_config('synchronous_commit', 'off', true)")
                .addStatement("setting.setString(1, mode)")
                .addStatement("setting.execute()")
                .endControlFlow()
                .beginControlFlow("for (int i = 0; last != null && i < keyColumns; i++)")
                .addStatement("batch.setObject(i + 1, last[i], $T.OTHER)", TYPES)
                .endControlFlow()
                .beginControlFlow("try ($T rows = batch.executeQuery())", RESULT_SET)
                .beginControlFlow("if (!rows.next())")
                .addStatement("connection.commit()")
                .addStatement("break")
                .endControlFlow()
                .addStatement("updated += rows.getLong(1)")
                .addStatement("walked += rows.getLong(2)")
                .addStatement("last = new String[keyColumns]")
                .beginControlFlow("for (int i = 0; i < keyColumns; i++)")
                .addStatement("last[i] = rows.getString(3 + i)")
                .endControlFlow()
                .beginControlFlow("if (!markSql.isEmpty())")
                .beginControlFlow("try ($T mark = connection.createStatement())", STATEMENT)
                .addStatement("mark.execute(markSql + rows.getString(3 + keyColumns))")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("connection.commit()")
                .nextControlFlow("catch ($T e)", SQL_EXCEPTION)
                .addStatement("connection.rollback()")
                .addStatement("throw e")
                .endControlFlow()
                .addStatement("long now = System.nanoTime()")
                .beginControlFlow("if (now - reported >= $LL * 1_000_000_000L)", BackfillBlock.REPORT_SECONDS)
                .addStatement("reported = now")
                .addStatement("double rate = (walked - resumed) / Math.max(1e-6, (now - started) / 1e9)")
                .addStatement("long eta = Math.round(Math.max(0, total - walked) / Math.max(rate, 1e-6))")
                .addStatement("LOG.log($T.INFO, $S, table, walked, total, updated, Math.round(rate), eta)", LEVEL,
                        "graft: backfill {0}: {1,number,#}/{2,number,#} rows walked, {3,number,#} updated,"
                                + " {4,number,#} rows/s, ETA {5,number,#} s")
                .endControlFlow()
                .endControlFlow()
                .addStatement("LOG.log($T.INFO, $S, table, walked, walked - resumed, updated)", LEVEL,
                        "graft: backfill {0}: done, {1,number,#} rows walked, {2,number,#} by this run,"
                                + " {3,number,#} updated")
                .build();
    }
}
