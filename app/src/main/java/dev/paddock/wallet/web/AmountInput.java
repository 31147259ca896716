package dev.paddock.wallet.web;

import dev.paddock.shared.Money;
import dev.paddock.shared.ProblemException;
import java.util.regex.Pattern;

/**
 * Reads the euros a customer types: "12", "12.50", or "12,50" as the French write it. No thousands
 * separators, at most two decimals, so "1,250" is refused rather than guessed.
 */
final class AmountInput {

    private static final Pattern EUROS = Pattern.compile("\\d{1,7}([.,]\\d{1,2})?");

    private AmountInput() {
    }

    static Money parse(String input) {
        String text = input == null ? "" : input.strip().replace('\u00a0', ' ').replace(" ", "");
        if (text.isEmpty()) {
            throw ProblemException.field("amount", "required", "Enter an amount.");
        }
        if (!EUROS.matcher(text).matches()) {
            throw ProblemException.field("amount", "format", "Enter an amount in euros, such as 12.50.");
        }
        Money amount = Money.parse(text.replace(',', '.'));
        if (!amount.isPositive()) {
            throw ProblemException.field("amount", "positive", "Enter an amount above zero.");
        }
        return amount;
    }
}
