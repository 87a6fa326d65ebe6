package dev.graft.verifier.report;

import dev.graft.verifier.CheckResult;
import dev.graft.verifier.CheckStatus;
import dev.graft.verifier.MigrationResult;
import dev.graft.verifier.VerificationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as JUnit XML: one test suite, one test case per check per migration (class name: the
 * migration file, name: the check), so a CI server lists each proof. A check that was not
 * exercised is skipped, its message starting {@code not exercised: } with the reason.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static String render(VerificationReport report) {
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        StringBuilder cases = new StringBuilder();
        for (MigrationResult m : report.migrations()) {
            for (CheckResult c : m.checks()) {
                tests++;
                cases.append("    <testcase classname=\"").append(xml("graft.V" + m.version() + "." + m.script()))
                        .append("\" name=\"").append(xml(c.check().id())).append("\" time=\"")
                        .append(Durations.seconds(c.took())).append('"');
                if (c.status() == CheckStatus.PASSED) {
                    List<String> out = new ArrayList<>(List.of(c.summary()));
                    out.addAll(c.details());
                    cases.append(">\n      <system-out>").append(xml(String.join("\n", out)))
                            .append("</system-out>\n    </testcase>\n");
                } else if (c.failed()) {
                    failures++;
                    cases.append(">\n      <failure message=\"").append(xml(c.summary())).append("\" type=\"")
                            .append(xml(c.check().id())).append("\">").append(xml(String.join("\n", c.details())))
                            .append("</failure>\n    </testcase>\n");
                } else {
                    skipped++;
                    String why = (c.status() == CheckStatus.NOT_EXERCISED ? "not exercised: " : "") + c.summary();
                    cases.append(">\n      <skipped message=\"").append(xml(why)).append("\"");
                    cases.append(c.details().isEmpty() ? "/>" : ">" + xml(String.join("\n", c.details())) + "</skipped>")
                            .append("\n    </testcase>\n");
                }
            }
        }
        if (report.error().isPresent()) {
            tests++;
            failures++;
            cases.append("    <testcase classname=\"graft.run\" name=\"run\" time=\"0\">\n      <failure message=\"")
                    .append(xml(report.error().get())).append("\"/>\n    </testcase>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"graft-verify\" tests=\""
                + tests + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\""
                + Durations.seconds(report.took()) + "\" timestamp=\"" + report.started() + "\">\n" + cases
                + "  </testsuite>\n</testsuites>\n";
    }

    /** Text safe in XML content and attributes; characters XML 1.0 forbids are dropped. */
    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (cp == '\n' || cp == '\t' || cp == '\r' || cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
