/**
 * Mail: the port through which modules send e-mail. The default implementation keeps every mail in a
 * local outbox table that operators read in the back-office, so nothing needs an SMTP server to work.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package dev.paddock.mail;
