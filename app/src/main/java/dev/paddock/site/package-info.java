/** The web shell: layout, home page, language choice, the parts of every page that belong to no module. */
@org.springframework.modulith.ApplicationModule(displayName = "Site")
package dev.paddock.site;
