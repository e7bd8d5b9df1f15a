package dev.spendlens.cli;

/** How the commands that list or show things print: an aligned table for people, JSON for programs. */
enum ListFormat {
    table,
    json
}
