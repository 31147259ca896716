package dev.paddock.wallet.payment;

/** The provider's answer: approved with its reference, or declined with a reason a customer can read. */
public record PaymentResult(boolean approved, String providerReference, String declineReason) {

    public static PaymentResult approved(String providerReference) {
        return new PaymentResult(true, providerReference, null);
    }

    public static PaymentResult declined(String providerReference, String reason) {
        return new PaymentResult(false, providerReference, reason);
    }
}
