package dev.spendlens.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spendlens.allocation.ReservedBucket;
import dev.spendlens.chargeback.ConvertedStatement;
import dev.spendlens.chargeback.LineKind;
import dev.spendlens.chargeback.SharedCostMethod;
import dev.spendlens.chargeback.SharedCostRule;
import dev.spendlens.chargeback.Statement;
import dev.spendlens.chargeback.StatementLine;
import dev.spendlens.error.SpendlensException;
import dev.spendlens.finance.statement.StatementFormat;
import dev.spendlens.money.ExchangeRate;
import dev.spendlens.money.ExchangeRates;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statements of a generated organisation (3 months, 20 principals). The restated month's earlier
 * delivery is ingested and closed first; then the final export (which restates it with a refund)
 * is ingested, as happens when AWS re-delivers a period after finance signed it off.
 */
class ChargebackServiceTest {
    private static final ExchangeRates RATES = new ExchangeRates(List.of(new ExchangeRate(LocalDate.of(2026, 1, 1), "USD", "EUR", new BigDecimal("0.9137")),
            new ExchangeRate(LocalDate.of(2026, 1, 1), "GBP", "USD", new BigDecimal("1.2690"))));

    @TempDir
    static Path folder;
    static GeneratedOrganisation organisation;
    static Statement closedThen;
    static BigDecimal earlierDeliveryInvoices;

    @BeforeAll
    static void closeTheEarlierDeliveryThenIngestTheRestatement() {
        organisation = new GeneratedOrganisation(folder, 3, 20, 7);
        Clock beforeRestatement = Clock.fixed(Instant.parse("2026-10-05T08:00:00Z"), ZoneOffset.UTC);
        organisation.ingestEarlierDelivery(organisation.allocator(), beforeRestatement);
        ChargebackService early = new ChargebackService(new StoreAccess(organisation.store, organisation.allocator(), beforeRestatement), SharedCostRule.defaults(), RATES);
        closedThen = early.close(organisation.restated(), "cost-center");
        earlierDeliveryInvoices = closedThen.invoiceTotal();
        organisation.ingestFinal();
    }

    @AfterAll
    static void closeStore() {
        organisation.close();
    }

    private static ChargebackService service(List<SharedCostRule> rules) {
        return new ChargebackService(organisation.access(), rules, RATES);
    }

    @Test
    void chargedLinesAddUpToTheInvoicesToTheCent() {
        Statement statement = service(SharedCostRule.defaults()).statement(organisation.generated.periods().get(0), "cost-center");

        assertThat(statement.chargedTotal()).isEqualByComparingTo(statement.invoiceTotal());
        BigDecimal exact = statement.invoices().stream().map(invoice -> invoice.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(statement.invoiceTotal().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(statement.invoices().size())));
        assertThat(statement.invoices()).hasSizeGreaterThanOrEqualTo(2);
        for (Statement.OwnerSummary owner : statement.summary()) {
            BigDecimal lines = statement.lines(owner.owner()).stream().map(StatementLine::rounded).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(lines).isEqualByComparingTo(owner.total());
        }
    }

    @Test
    void sharedCostsAreSplitWithoutLosingACentAndShownBeforeAndAfter() {
        YearMonth month = organisation.lastMonth();
        Statement statement = service(SharedCostRule.defaults()).statement(month, "cost-center");

        assertThat(statement.owners()).noneMatch(Statement::reserved);
        assertThat(statement.pools()).extracting(pool -> pool.bucket()).contains(ReservedBucket.NO_CALLER.label(), ReservedBucket.UNALLOCATED.label());
        assertThat(statement.before()).containsKeys(ReservedBucket.NO_CALLER.label(), ReservedBucket.UNALLOCATED.label());
        BigDecimal before = statement.before().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(before).isEqualByComparingTo(statement.chargedTotal()).isEqualByComparingTo(statement.invoiceTotal());
        // Exactly: every bucket's shares add up to the bucket, to the last of the store's ten decimals.
        for (var pool : statement.pools()) {
            BigDecimal shares = statement.lines().stream().filter(line -> line.kind() == LineKind.SHARED && line.source().equals(pool.bucket()))
                    .map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(shares).isEqualByComparingTo(pool.amount());
        }
    }

    @Test
    void fixedAndEvenSplitsStillAddUpToTheInvoice() {
        YearMonth month = organisation.lastMonth();
        List<String> owners = service(SharedCostRule.defaults()).statement(month, "cost-center").owners();
        Map<String, BigDecimal> percentages = new LinkedHashMap<>();
        percentages.put(owners.get(0), new BigDecimal("33.3"));
        percentages.put(owners.get(1), new BigDecimal("33.3"));
        percentages.put(owners.get(2), new BigDecimal("33.4"));
        List<SharedCostRule> rules = List.of(new SharedCostRule(ReservedBucket.NO_CALLER, SharedCostMethod.FIXED, percentages),
                new SharedCostRule(ReservedBucket.UNALLOCATED, SharedCostMethod.EVEN, Map.of()));

        Statement statement = service(rules).statement(month, "cost-center");

        assertThat(statement.chargedTotal()).isEqualByComparingTo(statement.invoiceTotal());
        List<BigDecimal> evenShares = statement.lines().stream().filter(line -> line.source().equals(ReservedBucket.UNALLOCATED.label())).map(StatementLine::amount).toList();
        assertThat(evenShares.stream().max(BigDecimal::compareTo).orElseThrow().subtract(evenShares.stream().min(BigDecimal::compareTo).orElseThrow()))
                .isLessThanOrEqualTo(new BigDecimal("0.0000000001"));
        assertThat(statement.lines().stream().filter(line -> line.source().equals(ReservedBucket.NO_CALLER.label())).map(StatementLine::owner).distinct())
                .containsExactlyInAnyOrderElementsOf(percentages.keySet());
    }

    @Test
    void aClosedMonthStaysAsClosedAndItsRestatementIsAnAdjustmentOnTheNextStatement() {
        ChargebackService service = service(SharedCostRule.defaults());
        YearMonth restated = organisation.restated();

        Statement closedNow = service.statement(restated, "cost-center");
        Statement next = service.statement(restated.plusMonths(1), "cost-center");
        Statement recomputed = dev.spendlens.chargeback.StatementBuilder.build(restated, "cost-center", "USD", service.charges(restated, "cost-center"),
                SharedCostRule.defaults(), List.of());

        assertThat(closedNow.closed()).isTrue();
        assertThat(closedNow.lines()).isEqualTo(closedThen.lines());
        assertThat(closedNow.invoiceTotal()).isEqualByComparingTo(earlierDeliveryInvoices);
        BigDecimal restatement = recomputed.invoiceTotal().subtract(earlierDeliveryInvoices);
        assertThat(restatement.signum()).as("the final delivery adds late usage and a refund").isNotZero();
        List<StatementLine> adjustments = next.lines().stream().filter(line -> line.kind() == LineKind.ADJUSTMENT).toList();
        assertThat(adjustments).isNotEmpty().allSatisfy(line -> {
            assertThat(line.adjustedMonth()).contains(restated);
            assertThat(line.detail()).contains("restated by AWS");
        });
        assertThat(next.adjustmentTotal()).isEqualByComparingTo(restatement);
        assertThat(next.chargedTotal()).isEqualByComparingTo(next.invoiceTotal());
        assertThat(next.summary().stream().map(Statement.OwnerSummary::total).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(next.invoiceTotal().add(restatement));
    }

    @Test
    void anAdjustmentChargedOnAClosedStatementIsNotChargedAgain() throws Exception {
        try (GeneratedOrganisation other = new GeneratedOrganisation(folder.resolve("again"), 3, 12, 11)) {
            Clock early = Clock.fixed(Instant.parse("2026-10-05T08:00:00Z"), ZoneOffset.UTC);
            other.ingestEarlierDelivery(other.allocator(), early);
            new ChargebackService(new StoreAccess(other.store, other.allocator(), early), SharedCostRule.defaults(), RATES).close(other.restated(), "cost-center");
            other.ingestFinal();
            ChargebackService service = new ChargebackService(other.access(), SharedCostRule.defaults(), RATES);

            Statement next = service.close(other.restated().plusMonths(1), "cost-center");
            Statement after = service.statement(other.restated().plusMonths(2), "cost-center");

            assertThat(next.adjustmentTotal().signum()).isNotZero();
            assertThat(after.lines()).noneMatch(line -> line.kind() == LineKind.ADJUSTMENT);
            assertThatThrownBy(() -> service.close(other.restated().plusMonths(1), "cost-center")).isInstanceOf(SpendlensException.class).hasMessageContaining("already closed");
        }
    }

    @Test
    void displayCurrencyAmountsAddUpAndTheBillingCurrencyIsKept() {
        ChargebackService service = service(SharedCostRule.defaults());
        Statement statement = service.statement(organisation.lastMonth(), "cost-center");

        ConvertedStatement euros = service.convert(statement, "EUR");
        ConvertedStatement pounds = service.convert(statement, "GBP");

        assertThat(euros.rate()).isEqualByComparingTo("0.9137");
        assertThat(euros.total(statement, line -> line.kind() != LineKind.ADJUSTMENT))
                .isEqualByComparingTo(statement.invoiceTotal().multiply(new BigDecimal("0.9137")).setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(euros.total(statement, line -> line.kind() == LineKind.ADJUSTMENT))
                .isEqualByComparingTo(statement.adjustmentTotal().multiply(new BigDecimal("0.9137")).setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(pounds.total(statement, line -> line.kind() != LineKind.ADJUSTMENT))
                .isEqualByComparingTo(statement.invoiceTotal().divide(new BigDecimal("1.2690"), 2, java.math.RoundingMode.HALF_UP));
        assertThat(statement.currency()).isEqualTo("USD");
        assertThatThrownBy(() -> service.convert(statement, "JPY")).hasMessageContaining("no exchange rate from USD to JPY");
    }

    @Test
    void theSpreadsheetOpensInApachePoiAndItsColumnsAddUp() throws Exception {
        ChargebackService service = service(SharedCostRule.defaults());
        Statement statement = service.statement(organisation.restated().plusMonths(1), "cost-center");
        ConvertedStatement euros = service.convert(statement, "EUR");

        byte[] xlsx = StatementFormat.XLSX.write(statement, Optional.of(euros));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2), workbook.getSheetName(3)))
                    .containsExactly("Summary", "Lines", "Shared costs", "Invoices");
            Sheet lines = workbook.getSheet("Lines");
            assertThat(lines.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Amount USD");
            assertThat(lines.getRow(0).getCell(10).getStringCellValue()).isEqualTo("Amount EUR");
            BigDecimal usd = BigDecimal.ZERO;
            BigDecimal eur = BigDecimal.ZERO;
            List<String> owners = new ArrayList<>();
            for (int r = 1; r <= lines.getLastRowNum(); r++) {
                Row row = lines.getRow(r);
                assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
                usd = usd.add(new BigDecimal(Double.toString(row.getCell(7).getNumericCellValue())));
                eur = eur.add(new BigDecimal(Double.toString(row.getCell(10).getNumericCellValue())));
                owners.add(row.getCell(0).getStringCellValue());
            }
            assertThat(lines.getLastRowNum()).isEqualTo(statement.lines().size());
            assertThat(usd.setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(statement.chargedTotal().add(statement.adjustmentTotal()));
            assertThat(eur.setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(euros.total(statement, line -> true));
            assertThat(owners).containsAll(statement.owners());

            Sheet summary = workbook.getSheet("Summary");
            Map<String, Double> labelled = new LinkedHashMap<>();
            for (Row row : summary) {
                Cell first = row.getCell(0);
                Cell second = row.getCell(1);
                if (first != null && first.getCellType() == CellType.STRING && second != null && second.getCellType() == CellType.NUMERIC) {
                    labelled.put(first.getStringCellValue(), second.getNumericCellValue());
                }
            }
            assertThat(labelled.get("Invoices (Bedrock)")).isEqualTo(statement.invoiceTotal().doubleValue());
            assertThat(labelled.get("Charged this month")).isEqualTo(statement.chargedTotal().doubleValue());
            assertThat(labelled.get("Difference")).isEqualTo(0.0);
            assertThat(workbook.getSheet("Invoices").getRow(1).getCell(0).getStringCellValue()).isNotBlank();
        }
    }

    @Test
    void csvAndHtmlCarryEveryOwnerAndTheTotals() {
        ChargebackService service = service(SharedCostRule.defaults());
        Statement statement = service.statement(organisation.lastMonth(), "cost-center");

        String csv = new String(StatementFormat.CSV.write(statement, Optional.of(service.convert(statement, "EUR"))), java.nio.charset.StandardCharsets.UTF_8);
        String html = new String(StatementFormat.HTML.write(statement, Optional.empty()), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("month,dimension,record,owner,team,principal,model");
        assertThat(csv).contains(",TOTAL,", ",INVOICE,", ",SHARED,", "EUR");
        BigDecimal ownerTotals = csv.lines().filter(line -> line.contains(",OWNER_TOTAL,")).map(line -> new BigDecimal(line.split(",")[14])).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(ownerTotals).isEqualByComparingTo(statement.chargedTotal().add(statement.adjustmentTotal()));
        for (String owner : statement.owners()) {
            assertThat(html).contains(">" + owner + "<");
        }
        assertThat(html).contains("Reconciliation with the invoices").doesNotContain("<script");
    }
}
