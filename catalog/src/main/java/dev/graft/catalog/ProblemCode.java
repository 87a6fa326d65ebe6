package dev.graft.catalog;

/**
 * The stable codes of catalog problems. A code never changes meaning once released; new
 * problems get new codes.
 *
 * <table>
 * <caption>Catalog problem codes</caption>
 * <tr><th>code</th><th>meaning</th></tr>
 * <tr><td>GRAFT-C001</td><td>file name is not {@code V<version>__<slug>.yaml} or {@code .sql}</td></tr>
 * <tr><td>GRAFT-C002</td><td>two files have the same version (as Flyway compares them)</td></tr>
 * <tr><td>GRAFT-C003</td><td>file cannot be read or is not valid YAML</td></tr>
 * <tr><td>GRAFT-C004</td><td>the migration has no refactorings</td></tr>
 * <tr><td>GRAFT-C005</td><td>the file is not valid UTF-8, or its text holds a lone surrogate</td></tr>
 * <tr><td>GRAFT-C006</td><td>a YAML feature a catalog does not accept (anchors, aliases, nesting deeper
 * than 64 levels)</td></tr>
 * <tr><td>GRAFT-C010</td><td>a value has the wrong type (map, list, string, boolean, integer)</td></tr>
 * <tr><td>GRAFT-C011</td><td>a required key is missing</td></tr>
 * <tr><td>GRAFT-C012</td><td>unknown key (with "did you mean")</td></tr>
 * <tr><td>GRAFT-C013</td><td>unknown refactoring type (with "did you mean")</td></tr>
 * <tr><td>GRAFT-C014</td><td>a refactoring item is not a map with exactly one key</td></tr>
 * <tr><td>GRAFT-C015</td><td>a key is written twice in the same map</td></tr>
 * <tr><td>GRAFT-C016</td><td>a value in {@code { }} was cut at a comma: quote it</td></tr>
 * <tr><td>GRAFT-C017</td><td>a value is not one of the allowed words</td></tr>
 * <tr><td>GRAFT-C018</td><td>keys that exclude each other, or neither of two alternatives</td></tr>
 * <tr><td>GRAFT-C019</td><td>a number is out of range</td></tr>
 * <tr><td>GRAFT-C020</td><td>invalid identifier</td></tr>
 * <tr><td>GRAFT-C021</td><td>invalid SQL type</td></tr>
 * <tr><td>GRAFT-C022</td><td>the same name is listed twice</td></tr>
 * <tr><td>GRAFT-C023</td><td>invalid version in {@code complete}</td></tr>
 * <tr><td>GRAFT-C030</td><td>an expression is not a single PostgreSQL expression</td></tr>
 * <tr><td>GRAFT-C031</td><td>an expression contains a semicolon</td></tr>
 * <tr><td>GRAFT-C032</td><td>an expression contains a statement keyword (DDL or DML)</td></tr>
 * <tr><td>GRAFT-C033</td><td>an expression contains a subquery</td></tr>
 * <tr><td>GRAFT-C034</td><td>a volatile function where the expression must be deterministic</td></tr>
 * <tr><td>GRAFT-C035</td><td>an expression names a column where none may be named</td></tr>
 * <tr><td>GRAFT-C036</td><td>an expression names a column of another table</td></tr>
 * <tr><td>GRAFT-C037</td><td>an expression contains an SQL comment</td></tr>
 * <tr><td>GRAFT-C038</td><td>an aggregate, window or set-returning function where one value per row is needed</td></tr>
 * <tr><td>GRAFT-C039</td><td>a function PostgreSQL does not have</td></tr>
 * <tr><td>GRAFT-C040</td><td>a value whose type cannot be the column's, or a condition that is not boolean</td></tr>
 * <tr><td>GRAFT-C101</td><td>table does not exist at that version</td></tr>
 * <tr><td>GRAFT-C102</td><td>column does not exist at that version</td></tr>
 * <tr><td>GRAFT-C103</td><td>table (or view) already exists</td></tr>
 * <tr><td>GRAFT-C104</td><td>column already exists</td></tr>
 * <tr><td>GRAFT-C105</td><td>a backfill on a table with no primary key or unique not-null key</td></tr>
 * <tr><td>GRAFT-C106</td><td>foreign key does not match a primary or unique key of the referenced table</td></tr>
 * <tr><td>GRAFT-C107</td><td>a refactoring that cannot apply to this shape (other schema, no key)</td></tr>
 * <tr><td>GRAFT-C108</td><td>insert_data rows with the same key twice</td></tr>
 * <tr><td>GRAFT-C160</td><td>a constraint or index of that name already exists</td></tr>
 * <tr><td>GRAFT-C161</td><td>constraint does not exist at that version</td></tr>
 * <tr><td>GRAFT-C162</td><td>index does not exist at that version</td></tr>
 * <tr><td>GRAFT-C163</td><td>a field that does not apply to that kind of constraint, or a missing one it needs</td></tr>
 * <tr><td>GRAFT-C164</td><td>the table already has a primary key</td></tr>
 * <tr><td>GRAFT-C165</td><td>drop_index of an index that a constraint owns</td></tr>
 * <tr><td>GRAFT-C166</td><td>a storage parameter that is not a name and a plain value</td></tr>
 * <tr><td>GRAFT-C180</td><td>initially_deferred on a constraint that is not deferrable, or deferrable on a check</td></tr>
 * <tr><td>GRAFT-C181</td><td>a column's default, identity and generated expression exclude each other; identity
 * on a type that is not an integer</td></tr>
 * <tr><td>GRAFT-C182</td><td>a table constraint that is not exactly one of unique, check, foreign_key, exclude</td></tr>
 * <tr><td>GRAFT-C183</td><td>a generated column that names a generated column, or that add_column backfills</td></tr>
 * <tr><td>GRAFT-C184</td><td>two constraints or indexes of a table with the same name</td></tr>
 * <tr><td>GRAFT-C201</td><td>{@code complete} of a version with no open transition</td></tr>
 * <tr><td>GRAFT-C202</td><td>{@code complete} of a version that is not earlier (unordered)</td></tr>
 * <tr><td>GRAFT-C203</td><td>reshaping a column or table that is in an open transition</td></tr>
 * <tr><td>GRAFT-C170</td><td>a default where the column cannot have one (identity or generated column)</td></tr>
 * <tr><td>GRAFT-C171</td><td>drop_not_null on a primary key or identity column</td></tr>
 * <tr><td>GRAFT-C172</td><td>add_identity on a column that is not smallint, integer or bigint</td></tr>
 * <tr><td>GRAFT-C173</td><td>add_identity on a column that has a default, is nullable, or is already an identity</td></tr>
 * <tr><td>GRAFT-C174</td><td>drop_identity on a column that is not an identity</td></tr>
 * <tr><td>GRAFT-C175</td><td>a replica identity index that is missing, not unique, partial, or over nullable columns</td></tr>
 * <tr><td>GRAFT-C176</td><td>identity sequence options that contradict each other</td></tr>
 * <tr><td>GRAFT-C210</td><td>a drop's down expression names the column it fills</td></tr>
 * <tr><td>GRAFT-C211</td><td>a history table's own column is already a column of the table</td></tr>
 * <tr><td>GRAFT-C230</td><td>{@code add_lookup_table} with {@code replace: true}, not supported yet</td></tr>
 * <tr><td>GRAFT-C301</td><td>warning: a SQL statement the schema view cannot follow</td></tr>
 * <tr><td>GRAFT-C150</td><td>type (or a table, whose row type it would be) already exists</td></tr>
 * <tr><td>GRAFT-C151</td><td>type does not exist at that version, or is not an enum</td></tr>
 * <tr><td>GRAFT-C152</td><td>an enum label that is empty, too long, listed twice, already there or missing</td></tr>
 * <tr><td>GRAFT-C153</td><td>an index option that the index method does not take</td></tr>
 * </table>
 */
public enum ProblemCode {
    BAD_FILE_NAME("GRAFT-C001", "file name is not V<version>__<slug>.yaml or .sql"),
    DUPLICATE_VERSION("GRAFT-C002", "two files have the same version"),
    UNREADABLE("GRAFT-C003", "file cannot be read or is not valid yaml"),
    EMPTY_MIGRATION("GRAFT-C004", "the migration has no refactorings"),
    ENCODING("GRAFT-C005", "the file is not valid utf-8, or its text holds a lone surrogate"),
    UNSUPPORTED_YAML("GRAFT-C006", "a yaml feature a catalog does not accept"),
    WRONG_TYPE("GRAFT-C010", "a value has the wrong type"),
    MISSING_KEY("GRAFT-C011", "a required key is missing"),
    UNKNOWN_KEY("GRAFT-C012", "unknown key"),
    UNKNOWN_REFACTORING("GRAFT-C013", "unknown refactoring type"),
    NOT_ONE_KEY("GRAFT-C014", "a refactoring item is not a map with exactly one key"),
    DUPLICATE_KEY("GRAFT-C015", "a key is written twice in the same map"),
    QUOTE_IT("GRAFT-C016", "a value in { } was cut at a comma: quote it"),
    BAD_CHOICE("GRAFT-C017", "a value is not one of the allowed words"),
    CONFLICTING_KEYS("GRAFT-C018", "keys that exclude each other, or neither of two alternatives"),
    OUT_OF_RANGE("GRAFT-C019", "a number is out of range"),
    INVALID_IDENTIFIER("GRAFT-C020", "invalid identifier"),
    INVALID_TYPE("GRAFT-C021", "invalid sql type"),
    DUPLICATE_NAME("GRAFT-C022", "the same name is listed twice"),
    INVALID_VERSION("GRAFT-C023", "invalid version"),
    NOT_AN_EXPRESSION("GRAFT-C030", "not a single postgresql expression"),
    SEMICOLON("GRAFT-C031", "an expression contains a semicolon"),
    STATEMENT_KEYWORD("GRAFT-C032", "an expression contains a statement keyword"),
    SUBQUERY("GRAFT-C033", "an expression contains a subquery"),
    VOLATILE("GRAFT-C034", "a volatile function where the expression must be deterministic"),
    COLUMN_NOT_ALLOWED("GRAFT-C035", "an expression names a column where none may be named"),
    FOREIGN_COLUMN("GRAFT-C036", "an expression names a column of another table"),
    COMMENT("GRAFT-C037", "an expression contains an sql comment"),
    NOT_PER_ROW("GRAFT-C038", "an aggregate, window or set-returning function where one value per row is needed"),
    UNKNOWN_FUNCTION("GRAFT-C039", "a function postgresql does not have"),
    VALUE_TYPE("GRAFT-C040", "a value whose type cannot be the column's, or a condition that is not boolean"),
    NO_SUCH_TABLE("GRAFT-C101", "table does not exist at that version"),
    NO_SUCH_COLUMN("GRAFT-C102", "column does not exist at that version"),
    TABLE_EXISTS("GRAFT-C103", "table or view already exists"),
    COLUMN_EXISTS("GRAFT-C104", "column already exists"),
    NO_ROW_KEY("GRAFT-C105", "a backfill on a table with no primary key or unique not-null key"),
    KEY_MISMATCH("GRAFT-C106", "foreign key does not match a key of the referenced table"),
    CANNOT_APPLY("GRAFT-C107", "a refactoring that cannot apply to this shape"),
    INSERT_KEY("GRAFT-C108", "insert_data rows with the same key twice"),
    NO_OPEN_TRANSITION("GRAFT-C201", "complete of a version with no open transition"),
    UNORDERED("GRAFT-C202", "complete of a version that is not earlier"),
    IN_TRANSITION("GRAFT-C203", "reshaping a column or table in an open transition"),
    NO_DEFAULT_HERE("GRAFT-C170", "a default where the column cannot have one"),
    KEEPS_NOT_NULL("GRAFT-C171", "drop_not_null on a primary key or identity column"),
    IDENTITY_TYPE("GRAFT-C172", "add_identity on a column that is not smallint, integer or bigint"),
    IDENTITY_COLUMN("GRAFT-C173", "add_identity on a column with a default, nullable, or already an identity"),
    NOT_IDENTITY("GRAFT-C174", "drop_identity on a column that is not an identity"),
    REPLICA_INDEX("GRAFT-C175", "a replica identity index that cannot serve"),
    SEQUENCE_OPTIONS("GRAFT-C176", "identity sequence options that contradict each other"),
    NOT_FOLLOWED("GRAFT-C301", "a sql statement the schema view cannot follow", Severity.WARNING),
    CONSTRAINT_EXISTS("GRAFT-C160", "a constraint or index of that name already exists"),
    NO_SUCH_CONSTRAINT("GRAFT-C161", "constraint does not exist at that version"),
    NO_SUCH_INDEX("GRAFT-C162", "index does not exist at that version"),
    CONSTRAINT_OPTION("GRAFT-C163", "a field that does not apply to that kind of constraint, or one it needs is missing"),
    HAS_PRIMARY_KEY("GRAFT-C164", "the table already has a primary key"),
    INDEX_OF_CONSTRAINT("GRAFT-C165", "drop_index of an index that a constraint owns"),
    STORAGE_PARAMETER("GRAFT-C166", "a storage parameter that is not a name and a plain value"),
    NOT_DEFERRABLE("GRAFT-C180", "initially_deferred on a constraint that is not deferrable, or deferrable on a check"),
    COLUMN_VALUE("GRAFT-C181", "a column's default, identity and generated expression exclude each other"),
    CONSTRAINT_KIND("GRAFT-C182", "a table constraint that is not exactly one of unique, check, foreign_key, exclude"),
    GENERATED_COLUMN("GRAFT-C183", "a generated column that names a generated column, or is backfilled"),
    CONSTRAINT_NAME_TAKEN("GRAFT-C184", "two constraints or indexes of a table with the same name"),
    TYPE_EXISTS("GRAFT-C150", "type already exists"),
    NO_SUCH_TYPE("GRAFT-C151", "type does not exist at that version, or is not an enum"),
    ENUM_LABEL("GRAFT-C152", "an enum label that is invalid, listed twice, already there or missing"),
    INDEX_OPTION("GRAFT-C153", "an index option that the index method does not take"),
    SPLIT_NO_PRIMARY_KEY("GRAFT-C220", "a table split 1:1 without a primary key"),
    SPLIT_KEY_COLUMN("GRAFT-C221", "a key, identity or generated column moved to another table"),
    MERGE_NOT_ONE_TO_ONE("GRAFT-C222", "tables merged that are not keyed 1:1 by primary keys of the same columns"),
    DOWN_NAMES_ITSELF("GRAFT-C210", "a drop's down expression names the column it fills"),
    HISTORY_COLUMN_TAKEN("GRAFT-C211", "a history table's own column is already a column of the table"),
    LOOKUP_REPLACE_UNSUPPORTED("GRAFT-C230", "add_lookup_table with replace: true, not supported yet");

    private final String code;
    private final String meaning;
    private final Severity severity;

    ProblemCode(String code, String meaning) {
        this(code, meaning, Severity.ERROR);
    }

    ProblemCode(String code, String meaning, Severity severity) {
        this.code = code;
        this.meaning = meaning;
        this.severity = severity;
    }

    /** The stable code: {@code GRAFT-C102}. */
    public String code() {
        return code;
    }

    /** One line saying what the code means. */
    public String meaning() {
        return meaning;
    }

    public Severity severity() {
        return severity;
    }
}
