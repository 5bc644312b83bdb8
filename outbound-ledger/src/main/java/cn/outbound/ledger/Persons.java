package cn.outbound.ledger;

import java.util.Iterator;

import cn.outbound.pii.IdentifierKind;

/**
 * The persons of one class in an event, given by their identifiers.
 *
 * @param personClass non-sensitive or sensitive
 * @param kind the kind of every identifier, or {@code null} to tell it per value (see {@link #AUTO})
 * @param source the identifiers
 */
public record Persons(PersonClass personClass, IdentifierKind kind, IdentifierSource source) {

	/**
	 * {@code kind == null}: each value is read as a resident ID number when it looks like one (15 or 18 digits, or
	 * 17 and an X; then it must be valid), as an e-mail address when it holds {@code @}, as a mobile number when it
	 * is one, and otherwise as an opaque id. The same written value always gets the same kind, but an id recorded
	 * as {@code OPAQUE} in one event and auto-detected as a mobile number in another would count twice: give the
	 * kind when you know it.
	 */
	public static final IdentifierKind AUTO = null;

	public Persons {
		if (personClass == null) {
			throw new IllegalArgumentException("personClass is required");
		}
		if (source == null) {
			throw new IllegalArgumentException("source is required");
		}
	}

	public static Persons of(PersonClass personClass, IdentifierKind kind, Iterator<? extends CharSequence> values) {
		return new Persons(personClass, kind, IdentifierSource.of(values));
	}

	public static Persons of(PersonClass personClass, IdentifierKind kind, Iterable<? extends CharSequence> values) {
		return new Persons(personClass, kind, IdentifierSource.of(values));
	}

}
