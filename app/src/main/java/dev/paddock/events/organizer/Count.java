package dev.paddock.events.organizer;

/** How many confirmed registrations fall in one group of a breakdown (a category, a gender, a country...). */
record Count(String label, long count) {
}
