package dev.graft.catalog.refactoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graft.catalog.Catalog;
import dev.graft.catalog.Migration;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Walks the sealed interface: every refactoring type needs a registry line and a valid-catalog example. */
class RegistryTest {

    private static final List<Class<?>> PERMITTED = Arrays.asList(Refactoring.class.getPermittedSubclasses());

    @Test
    void everyPermittedTypeHasExactlyOneRegistryEntry() {
        List<Class<?>> registered = RefactoringTypes.all().stream().<Class<?>>map(RefactoringType::type).toList();
        assertThat(registered).containsExactlyInAnyOrderElementsOf(PERMITTED);
        assertThat(RefactoringTypes.keys()).doesNotHaveDuplicates();
    }

    @Test
    void everyKeyIsTheSnakeCaseOfItsRecord() {
        for (RefactoringType<?> type : RefactoringTypes.all()) {
            String snake = type.type().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
            assertThat(type.key()).isEqualTo(snake);
        }
    }

    @Test
    void everyTypeAppearsInTheValidCatalogTest() throws Exception {
        Catalog catalog = Catalog.read(Path.of(getClass().getResource("/valid/all").toURI()));
        Set<Class<?>> covered = catalog.migrations().stream().map(Migration::refactorings).flatMap(List::stream)
                .map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(PERMITTED);
    }
}
