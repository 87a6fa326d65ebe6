package dev.graft.junit;

import dev.graft.branch.BranchEngine;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the engine a test's branches come from: a static {@link GraftEngine} field of the test
 * class (or of a class enclosing it), else the annotation's supplier class. Supplied engines are
 * made once per JVM and shared; the embedded one joins the server of its data directory.
 */
final class Engines {

    private static final Map<Object, BranchEngine> SUPPLIED = new ConcurrentHashMap<>();

    private Engines() {
    }

    static BranchEngine forTest(Class<?> testClass, DatabaseSettings settings) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            List<Field> fields = ReflectionSupport.findFields(type,
                    f -> f.isAnnotationPresent(GraftEngine.class) && Modifier.isStatic(f.getModifiers()),
                    HierarchyTraversalMode.TOP_DOWN);
            if (!fields.isEmpty()) {
                return fromField(fields.get(0));
            }
        }
        return SUPPLIED.computeIfAbsent(settings.engine(), type -> supply(settings.engine()));
    }

    private static BranchEngine fromField(Field field) {
        Object value = ReflectionSupport.tryToReadFieldValue(field, null).toOptional().orElse(null);
        if (value instanceof BranchEngine engine) {
            return engine;
        }
        if (value instanceof Supplier<?> supplier) {
            // a supplier field is asked once, like a supplier class
            return SUPPLIED.computeIfAbsent(field, f -> asEngine(supplier.get(), describe(field)));
        }
        throw new GraftDatabaseException("@GraftEngine field " + describe(field) + " holds " + value
                + "; it must hold a BranchEngine or a Supplier<BranchEngine>");
    }

    private static BranchEngine supply(Class<? extends Supplier<? extends BranchEngine>> type) {
        Supplier<? extends BranchEngine> supplier;
        try {
            supplier = ReflectionSupport.newInstance(type);
        } catch (RuntimeException e) {
            throw new GraftDatabaseException("@GraftDatabase(engine = " + type.getName() + ".class) cannot be "
                    + "instantiated; it needs a public no-argument constructor: " + e, e);
        }
        return asEngine(supplier.get(), type.getName());
    }

    private static BranchEngine asEngine(Object value, String source) {
        if (value instanceof BranchEngine engine) {
            return engine;
        }
        throw new GraftDatabaseException(source + " supplied " + value + " instead of a BranchEngine");
    }

    private static String describe(Field field) {
        return field.getDeclaringClass().getName() + "." + field.getName();
    }
}
