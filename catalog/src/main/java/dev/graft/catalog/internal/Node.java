package dev.graft.catalog.internal;

import dev.graft.catalog.Location;
import java.util.List;
import java.util.Optional;

/** A YAML node that remembers where it was written: a map, a list or a scalar. */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    Location location();

    /** What the node is, for "expected a map, found a list" messages. */
    String describe();

    /** The kinds of scalar the YAML parser reports; the text is always kept as written. */
    enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

    /** A scalar, its text exactly as written ({@code 0.00} stays {@code 0.00}). */
    record ScalarNode(String text, ScalarKind kind, Location location) implements Node {
        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "nothing";
            };
        }
    }

    /** A key of a map with the place where the key itself is written. */
    record Entry(String key, Location keyLocation, Node value) { }

    /** A map, its entries in the order written (duplicates were reported by the reader). */
    record MapNode(List<Entry> entries, Location location) implements Node {
        public MapNode {
            entries = List.copyOf(entries);
        }

        public Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A list. */
    record ListNode(List<Node> items, Location location) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
