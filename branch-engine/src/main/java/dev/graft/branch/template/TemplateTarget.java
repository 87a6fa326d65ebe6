package dev.graft.branch.template;

import java.util.Objects;

/**
 * How to reach a PostgreSQL server that branches by template: host, port and credentials of a
 * role allowed to create databases, and the maintenance database that administrative statements
 * run in.
 */
public record TemplateTarget(String host, int port, String user, String password, String maintenanceDatabase) {
    public TemplateTarget {
        Objects.requireNonNull(host, "host == null");
        Objects.requireNonNull(user, "user == null");
        Objects.requireNonNull(password, "password == null");
        Objects.requireNonNull(maintenanceDatabase, "maintenanceDatabase == null");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + urlEncode(database);
    }

    private static String urlEncode(String database) {
        return java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
