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
                        + " claimed for the session meanwhile.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(CONNECTION, "connection").addParameter(String.class, "table")
                .addParameter(String.class, "mode").addParameter(String.class, "countSql")
                .addParameter(String.class, "firstSql").addParameter(String.class, "nextSql")
                .addParameter(int.class, "keyColumns")
                .addParameter(String.class, "finishedSql").addParameter(String.class, "claimSql")
                .addParameter(String.class, "doneSql").addParameter(String.class, "releaseSql")
                .addException(SQL_EXCEPTION)
                .beginControlFlow("if (!finishedSql.isEmpty())")
                .beginControlFlow("try ($T statement = connection.createStatement(); $T rows = statement.executeQuery(finishedSql))",
                        STATEMENT, RESULT_SET)
                .addStatement("rows.next()")
                .beginControlFlow("if (rows.getBoolean(1))")
                .addStatement("connection.commit()")
                .addStatement("LOG.log($T.INFO, $S, table)", LEVEL, "backfill {0}: finished by an earlier run")
                .addStatement("return")
                .endControlFlow()
                .endControlFlow()
                .addStatement("transaction(connection, claimSql)")
                .endControlFlow()
                .beginControlFlow("try")
                .addStatement("walk(connection, table, mode, countSql, firstSql, nextSql, keyColumns)")
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
                .addJavadoc("The batches, each committed; rows already done are skipped.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(CONNECTION, "connection").addParameter(String.class, "table")
                .addParameter(String.class, "mode").addParameter(String.class, "countSql")
                .addParameter(String.class, "firstSql").addParameter(String.class, "nextSql")
                .addParameter(int.class, "keyColumns")
                .addException(SQL_EXCEPTION)
                .addStatement("long total")
                .beginControlFlow("try ($T statement = connection.createStatement(); $T rows = statement.executeQuery(countSql))",
                        STATEMENT, RESULT_SET)
                .addStatement("rows.next()")
                .addStatement("total = rows.getLong(1)")
                .endControlFlow()
                .addStatement("connection.commit()")
                .addStatement("long started = System.nanoTime()")
                .addStatement("long walked = 0")
                .addStatement("long updated = 0")
                .addStatement("Object[] last = null")
                .beginControlFlow("while (true)")
                .beginControlFlow("try ($T batch = connection.prepareStatement(last == null ? firstSql : nextSql))", PREPARED)
                .beginControlFlow("if (!mode.isEmpty())")
                .beginControlFlow("try ($T setting = connection.prepareStatement($S))", PREPARED,
                        "SELECT pg_catalog.set_config('graft.backfill', ?, true)")
                .addStatement("setting.setString(1, mode)")
                .addStatement("setting.execute()")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (int i = 0; last != null && i < keyColumns; i++)")
                .addStatement("batch.setObject(i + 1, last[i])")
                .endControlFlow()
                .beginControlFlow("try ($T rows = batch.executeQuery())", RESULT_SET)
                .beginControlFlow("if (!rows.next())")
                .addStatement("connection.commit()")
                .addStatement("break")
                .endControlFlow()
                .addStatement("updated += rows.getLong(1)")
                .addStatement("walked += rows.getLong(2)")
                .addStatement("last = new Object[keyColumns]")
                .beginControlFlow("for (int i = 0; i < keyColumns; i++)")
                .addStatement("last[i] = rows.getObject(3 + i)")
                .endControlFlow()
                .endControlFlow()
                .addStatement("connection.commit()")
                .nextControlFlow("catch ($T e)", SQL_EXCEPTION)
                .addStatement("connection.rollback()")
                .addStatement("throw e")
                .endControlFlow()
                .addStatement("double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9)")
                .addStatement("double rate = walked / seconds")
                .addStatement("long eta = rate > 0 ? Math.round(Math.max(0, total - walked) / rate) : 0")
                .addStatement("LOG.log($T.INFO, $S, table, walked, total, updated, Math.round(rate), eta)", LEVEL,
                        "backfill {0}: {1}/{2} rows walked, {3} updated, {4} rows/s, ETA {5} s")
                .endControlFlow()
                .addStatement("LOG.log($T.INFO, $S, table, walked, updated)", LEVEL,
                        "backfill {0}: done, {1} rows walked, {2} updated")
                .build();
    }
}
