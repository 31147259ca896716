/**
 * Tote: a PMU-style pari-mutuel totalisator. The programme (meetings, races, runners, pools and the race
 * states) is read through {@link dev.paddock.tote.Programme}; every race transition is announced with one
 * of the events of this package ({@link dev.paddock.tote.RaceOpened}, {@link dev.paddock.tote.RaceClosed}...).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tote")
package dev.paddock.tote;
