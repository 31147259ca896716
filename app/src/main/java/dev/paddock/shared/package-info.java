/**
 * Tiny building blocks every module uses: money, problem details, paths a module makes public.
 * No business logic lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.paddock.shared;
