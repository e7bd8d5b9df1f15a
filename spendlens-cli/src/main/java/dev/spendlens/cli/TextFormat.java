package dev.spendlens.cli;

/** How {@code report} and {@code forecast} print: an aligned table for people, CSV for spreadsheets, JSON in AWS's response shapes for programs. */
enum TextFormat {
    table,
    csv,
    json
}
