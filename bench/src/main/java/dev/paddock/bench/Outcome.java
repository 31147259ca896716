package dev.paddock.bench;

/**
 * What one request came back with: an HTTP status and, for an RFC 9457 problem, its {@code type};
 * or, when no response came, the error.
 */
public record Outcome(int status, String problemType, String error) {

    public static Outcome of(int status, String problemType) {
        return new Outcome(status, problemType, null);
    }

    public static Outcome failed(Throwable error) {
        Throwable cause = error.getCause() != null && error.getCause() != error ? error.getCause() : error;
        return new Outcome(0, null, cause.getClass().getSimpleName());
    }

    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** How a refusal is counted in the report, e.g. {@code 409 https://paddock.dev/problems/insufficient-funds}. */
    String label() {
        if (error != null) {
            return "no response: " + error;
        }
        return problemType == null ? String.valueOf(status) : status + " " + problemType;
    }
}
