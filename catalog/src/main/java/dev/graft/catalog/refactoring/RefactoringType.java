package dev.graft.catalog.refactoring;

import dev.graft.catalog.Location;
import dev.graft.catalog.internal.Checks;
import dev.graft.catalog.internal.Fields;
import dev.graft.catalog.internal.Node;
import dev.graft.catalog.internal.Problems;
import dev.graft.catalog.internal.YamlOut;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A registry entry: a refactoring type's YAML key, its record class and the functions that
 * read, check and write it. The functions take internal types; they serve the catalog reader
 * and writer, not callers of the API, who only need {@link #key()} and {@link #type()}.
 *
 * @param <R> the record
 */
public final class RefactoringType<R extends Refactoring> {

    /** Reads the value under the refactoring's key; empty if it was too broken to build. */
    @FunctionalInterface
    interface Reader<R> {
        Optional<R> read(Location at, Node value, Problems problems);
    }

    private final String key;
    private final Class<R> type;
    private final Reader<R> reader;
    private final BiConsumer<R, Checks> checker;
    private final Function<R, YamlOut> writer;

    private RefactoringType(String key, Class<R> type, Reader<R> reader, BiConsumer<R, Checks> checker,
            Function<R, YamlOut> writer) {
        this.key = key;
        this.type = type;
        this.reader = reader;
        this.checker = checker;
        this.writer = writer;
    }

    /** A type whose value is a map of fields (all but {@code complete}). */
    static <R extends Refactoring> RefactoringType<R> of(String key, Class<R> type, Function<Fields, R> reader,
            BiConsumer<R, Checks> checker, Function<R, YamlOut> writer) {
        Reader<R> fromMap = (at, value, problems) -> Fields.of(value, key, problems).flatMap(in -> {
            R read = reader.apply(in.from(at));
            in.finish();
            return in.broken() ? Optional.empty() : Optional.of(read);
        });
        return new RefactoringType<>(key, type, fromMap, checker, writer);
    }

    static <R extends Refactoring> RefactoringType<R> ofNode(String key, Class<R> type, Reader<R> reader,
            BiConsumer<R, Checks> checker, Function<R, YamlOut> writer) {
        return new RefactoringType<>(key, type, reader, checker, writer);
    }

    /** The YAML key: {@code split_column}. */
    public String key() {
        return key;
    }

    /** The record class: {@code SplitColumn.class}. */
    public Class<R> type() {
        return type;
    }

    /** Reads the value written under the key at {@code at}; problems go to {@code problems}. */
    public Optional<R> read(Location at, Node value, Problems problems) {
        return reader.read(at, value, problems);
    }

    /** Validates against the schema at that point of the catalog. */
    public void check(Refactoring refactoring, Checks checks) {
        checker.accept(type.cast(refactoring), checks);
    }

    /** The value to write under the key. */
    public YamlOut write(Refactoring refactoring) {
        return writer.apply(type.cast(refactoring));
    }
}
