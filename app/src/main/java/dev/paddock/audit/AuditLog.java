package dev.paddock.audit;

/**
 * Records security events. An entry is written in the caller's transaction, so it exists exactly when
 * the change it describes was committed.
 */
public interface AuditLog {

    void record(AuditEntry entry);
}
