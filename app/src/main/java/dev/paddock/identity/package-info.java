/**
 * Identity: accounts and roles, sign-up and login (session cookie for pages, short-lived JWT for the
 * API), password change and reset, login throttling and lockout, the security audit log, and the
 * responsible-gambling attributes the tote checks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.paddock.identity;
