/**
 * Events: a sports-timing company's registration platform (MSO, Datasport). An organizer sets up an
 * event and its races (capacity, price tiers, promo codes, custom fields, team rules); athletes register
 * alone or as teams and pay through the wallet; places, waitlist and lottery keep capacity exact; the
 * organizer follows it live, exports participants and assigns bibs; operators support it all from the
 * back-office. The schema is {@code events} ({@code db/migration/events}).
 *
 * <p>Parts, each a sub-package:
 * <ul>
 * <li>{@code catalog}: events, races, price tiers, promo codes and custom fields as organizers edit them;
 *     the public catalogue, event pages and participant lists;</li>
 * <li>{@code registration}: registering an athlete or a team, prices and promo codes, payment, places,
 *     the waitlist and its offers, the lottery, confirmations;</li>
 * <li>{@code fields}: the organizer's custom fields and the validation of answers against them;</li>
 * <li>{@code organizer}: the live dashboard, participant search and exports, bib assignment;</li>
 * <li>{@code account}: an athlete's orders, registrations, bibs and friends; transfers, hand-overs and
 *     cancellations with their history; the operators' back-office.</li>
 * </ul>
 * Other modules see the events of this package ({@link dev.paddock.events.RegistrationConfirmed}...).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events")
package dev.paddock.events;
