package dev.graft.catalog;

/** How bad a {@link Problem} is: an error stops the catalog from being read, a warning does not. */
public enum Severity {
    ERROR,
    WARNING
}
