/**
 * Writes realistic, deterministic synthetic AWS CUR 2.0 exports with Amazon Bedrock spend, laid out
 * exactly as AWS Data Exports delivers them to S3, together with {@code labels.json}, the ground
 * truth (true teams, tag problems, injected anomalies, the restated period).
 *
 * <p>The pipeline: {@link dev.spendlens.generator.OrganisationFactory} draws a company (accounts,
 * teams, principals and their tags) from the seed; {@link dev.spendlens.generator.WorkloadFactory}
 * turns it into series of charges; {@link dev.spendlens.generator.AnomalyInjector} adjusts a few of
 * them; {@link dev.spendlens.generator.UsagePlanner} plans each series day by day (a few hundred
 * thousand rows, sized to a row target by {@link dev.spendlens.generator.UsagePlan}); and
 * {@link dev.spendlens.generator.CurDataWriter} explodes the plan into line items and writes the files.
 *
 * <p>DuckDB is used here only as an in-memory columnar writer of Parquet and gzip CSV: nothing is
 * stored or queried afterwards. The Spendlens store, which ingests such exports, is owned by another
 * module.
 */
package dev.spendlens.generator;
