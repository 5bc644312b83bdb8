package cn.outbound.scan;

import cn.outbound.pii.IdentifierKind;

/**
 * Receives every row's normalised person identifier during a scan ({@link Scanner#onIdentifier}). With more than one
 * thread the calls come in no particular order, one at a time.
 */
@FunctionalInterface
public interface IdentifierListener {

	void identifier(IdentifierKind kind, String normalised);

}
