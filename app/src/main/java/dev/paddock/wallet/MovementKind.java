package dev.paddock.wallet;

/** What a journal entry did to a wallet. */
public enum MovementKind {
    DEPOSIT, WITHDRAWAL, DEBIT, CREDIT, REVERSAL
}
