package cn.outbound.scan;

import cn.outbound.pii.IdentifierKind;

/** One person after a scan: their normalised identifier and which classes they count in ({@link Scanner#forEachPerson}). */
@FunctionalInterface
public interface PersonVisitor {

	void person(IdentifierKind kind, String normalised, boolean nonSensitive, boolean sensitive);

}
