package dev.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every parameter a user can set, of every goal, has a {@code graft.*} user property and a
 * description, so {@code mvn graft:help -Ddetail} lists it with the {@code -D} that sets it. Read
 * from the plugin descriptor the build generated ({@code target/classes/META-INF/maven/plugin.xml}).
 * The generated {@code help} goal keeps Maven's own {@code -Ddetail -Dgoal}; a structured parameter
 * (a {@code java.util} list such as migrate's {@code <environments>}) has no {@code -D} form.
 */
class PluginParametersTest {

    private static final Path DESCRIPTOR = Path.of(System.getProperty("graft.build.dir", "target"),
            "classes", "META-INF", "maven", "plugin.xml");

    @Test
    void everyEditableParameterOfEveryGoalHasAGraftPropertyAndADescription() throws Exception {
        assertThat(DESCRIPTOR).as("the build generates the descriptor before the tests").isRegularFile();
        try (InputStream in = Files.newInputStream(DESCRIPTOR)) {
            Document descriptor = parse(in);
            assertThat(goals(descriptor)).contains("verify", "generate", "check", "baseline", "status", "diff",
                    "branch", "lint", "help");
            assertThat(problems(descriptor)).isEmpty();
        }
    }

    @Test
    void aParameterWithoutAGraftPropertyOrDescriptionIsNamed() throws Exception {
        String xml = """
                <plugin><mojos>
                  <mojo><goal>verify</goal><parameters>
                    <parameter><name>seed</name><editable>true</editable><description>The seed.</description></parameter>
                    <parameter><name>bare</name><editable>true</editable><description>No property.</description></parameter>
                    <parameter><name>other</name><editable>true</editable><description>Not Graft's.</description></parameter>
                    <parameter><name>silent</name><editable>true</editable><description> </description></parameter>
                    <parameter><name>project</name><editable>false</editable></parameter>
                    <parameter><name>targets</name><type>java.util.List</type><editable>true</editable><description>Named.</description></parameter>
                  </parameters><configuration>
                    <seed default-value="0">${graft.seed}</seed>
                    <bare/>
                    <other>${seed}</other>
                    <silent>${graft.silent}</silent>
                    <project>${project}</project>
                  </configuration></mojo>
                </mojos></plugin>
                """;
        assertThat(problems(parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))).containsExactly(
                "verify.bare: no graft.* user property", "verify.other: no graft.* user property (${seed})",
                "verify.silent: no description");
    }

    /** What keeps a goal's settable parameter out of {@code help -Ddetail} or without its {@code -D}. */
    static List<String> problems(Document descriptor) {
        List<String> problems = new ArrayList<>();
        for (Element mojo : children(descriptor.getDocumentElement(), "mojos", "mojo")) {
            String goal = text(mojo, "goal");
            if (goal.equals("help")) {
                continue;
            }
            Map<String, String> expressions = new HashMap<>();
            for (Element configuration : children(mojo, "configuration")) {
                for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element element) {
                        expressions.put(element.getTagName(), element.getTextContent().trim());
                    }
                }
            }
            for (Element parameter : children(mojo, "parameters", "parameter")) {
                if (!text(parameter, "editable").equals("true")) {
                    continue;
                }
                String name = goal + "." + text(parameter, "name");
                String expression = expressions.getOrDefault(text(parameter, "name"), "");
                if (text(parameter, "type").startsWith("java.util.")) {
                    // structured configuration (a list of elements) has no -D form; it still needs a description
                    expression = "${graft.structured}";
                }
                if (!expression.matches("\\$\\{graft\\.[A-Za-z.]+}")) {
                    problems.add(name + ": no graft.* user property" + (expression.isEmpty() ? "" : " (" + expression + ")"));
                }
                if (text(parameter, "description").isBlank()) {
                    problems.add(name + ": no description");
                }
            }
        }
        return problems;
    }

    private static List<String> goals(Document descriptor) {
        return children(descriptor.getDocumentElement(), "mojos", "mojo").stream().map(m -> text(m, "goal")).toList();
    }

    private static Document parse(InputStream in) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(in);
    }

    /** The elements at a path of child names below {@code parent}. */
    private static List<Element> children(Element parent, String... path) {
        List<Element> level = List.of(parent);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element element : level) {
                NodeList nodes = element.getChildNodes();
                for (int i = 0; i < nodes.getLength(); i++) {
                    if (nodes.item(i) instanceof Element child && child.getTagName().equals(name)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return level;
    }

    private static String text(Element parent, String child) {
        List<Element> found = children(parent, child);
        return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    }
}
