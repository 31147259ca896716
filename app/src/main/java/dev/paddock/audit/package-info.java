/**
 * Audit: an append-only log of security events (logins, lockouts, role and password changes...) that
 * operators read in the back-office and through the ops API. It knows nothing of accounts, so any
 * module can record into it without a cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package dev.paddock.audit;
