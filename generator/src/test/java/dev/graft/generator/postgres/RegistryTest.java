package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.catalog.refactoring.Refactoring;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every refactoring type has a planner and a test on a real database. */
class RegistryTest {

    @Test
    void everyRefactoringTypeHasAPlannerAndATest() {
        for (Class<?> type : Refactoring.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends Refactoring> refactoring = (Class<? extends Refactoring>) type;
            assertThat(PostgresPlanners.of(refactoring)).as("planner of " + type.getSimpleName()).isPresent();
            assertThat(exists("dev.graft.generator.postgres." + type.getSimpleName() + "PlanTest"))
                    .as("test of " + type.getSimpleName()).isTrue();
        }
        assertThat(PostgresPlanners.all()).hasSize(Refactoring.class.getPermittedSubclasses().length);
        assertThat(Arrays.stream(Refactoring.class.getPermittedSubclasses())).isNotEmpty();
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
