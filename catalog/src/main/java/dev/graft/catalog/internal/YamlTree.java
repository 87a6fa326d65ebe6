package dev.graft.catalog.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.graft.catalog.Location;
import dev.graft.catalog.ProblemCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML into {@link Node}s that keep the file, line and column of every key and value,
 * straight from the parser's token locations. Scalars keep their text as written.
 */
public final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final Problems problems;

    public YamlTree(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root node; empty (with a problem reported) if it is not valid YAML. */
    public Optional<Node> read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.of(new Node.ScalarNode("", Node.ScalarKind.NULL, Location.of(file)));
            }
            Node root = node(parser);
            if (parser.nextToken() != null) {
                problems.report(location(parser.currentTokenLocation()), ProblemCode.UNREADABLE,
                        "a catalog file holds one yaml document");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location where = at == null ? Location.of(file) : location(at);
            problems.report(where, ProblemCode.UNREADABLE, "invalid yaml: " + firstLine(e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException e) {
            problems.report(Location.of(file), ProblemCode.UNREADABLE, "cannot read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Node node(JsonParser parser) throws IOException {
        Location at = location(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                List<Node.Entry> entries = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = location(parser.currentTokenLocation());
                    parser.nextToken();
                    Node value = node(parser);
                    if (seen.add(key)) {
                        entries.add(new Node.Entry(key, keyAt, value));
                    } else {
                        problems.report(keyAt, ProblemCode.DUPLICATE_KEY, "key \"" + key + "\" is written twice");
                    }
                }
                return new Node.MapNode(entries, at);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser));
                }
                return new Node.ListNode(items, at);
            }
            case VALUE_STRING:
                return new Node.ScalarNode(parser.getText(), Node.ScalarKind.STRING, at);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.ScalarNode(parser.getText(), Node.ScalarKind.NUMBER, at);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.ScalarNode(parser.getText(), Node.ScalarKind.BOOLEAN, at);
            case VALUE_NULL:
                return new Node.ScalarNode("", Node.ScalarKind.NULL, at);
            default:
                return new Node.ScalarNode(parser.getText(), Node.ScalarKind.STRING, at);
        }
    }

    private Location location(JsonLocation at) {
        return new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).toLowerCase(java.util.Locale.ROOT);
    }
}
