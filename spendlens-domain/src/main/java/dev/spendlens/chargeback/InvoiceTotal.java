package dev.spendlens.chargeback;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The Bedrock spend of one invoice ({@code bill_invoice_id}; empty until AWS issues it) in a month.
 *
 * @param amount exact
 * @param rounded to the cent, as the invoice shows it
 */
public record InvoiceTotal(String invoiceId, BigDecimal amount, BigDecimal rounded) {
    public InvoiceTotal {
        requireNonNull(invoiceId, "invoiceId is null");
        requireNonNull(amount, "amount is null");
        requireNonNull(rounded, "rounded is null");
    }
}
