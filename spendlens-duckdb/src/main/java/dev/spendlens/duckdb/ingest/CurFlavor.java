package dev.spendlens.duckdb.ingest;

/** Which generation of the Cost and Usage Report a file is, read from its column names. */
public enum CurFlavor {
    /** AWS Data Exports CUR 2.0: snake_case columns, map columns {@code product} and {@code tags}, optionally {@code line_item_iam_principal}. */
    CUR2,
    /** Legacy CUR delivered for Athena: snake_case flattened columns such as {@code product_product_name}, {@code resource_tags_user_team}. */
    LEGACY_ATHENA,
    /** Legacy CUR as CSV: {@code lineItem/UsageType}-style headers, {@code resourceTags/user:team} tag columns. */
    LEGACY_CSV
}
