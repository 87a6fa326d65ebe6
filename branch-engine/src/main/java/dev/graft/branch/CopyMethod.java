package dev.graft.branch;

/** How a branch's data came to be, as the engine observed it (never assumed). */
public enum CopyMethod {
    /** Copy-on-write: the files (or pages) are shared with the parent until written. */
    CLONE,
    /** Every file was copied block by block. */
    FULL_COPY,
    /** PostgreSQL's {@code STRATEGY WAL_LOG}: the parent copied page by page through the WAL. */
    WAL_LOG,
    /** Nothing was copied: a new, empty root database. */
    NONE
}
