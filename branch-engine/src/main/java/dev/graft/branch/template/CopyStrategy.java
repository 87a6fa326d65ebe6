package dev.graft.branch.template;

/** How {@code CREATE DATABASE} copies the parent. */
public enum CopyStrategy {
    /** {@code STRATEGY FILE_COPY} with {@code file_copy_method = clone} (PostgreSQL 18+): reflink where the file system can. */
    CLONE,
    /** {@code STRATEGY FILE_COPY} with {@code file_copy_method = copy}: every file copied. */
    FILE_COPY,
    /** {@code STRATEGY WAL_LOG}, PostgreSQL's default: the parent copied page by page through the WAL. */
    WAL_LOG,
    /** {@link #CLONE} where copy-on-write was observed to work, {@link #FILE_COPY} elsewhere. */
    AUTO
}
