package cn.outbound.ledger;

import cn.outbound.rules.Basis;
import java.time.LocalDate;
import java.util.List;

/**
 * How many new persons a file would add to a processor's year, worked out before recording it. Nothing is
 * written.
 *
 * @param processor the processor
 * @param date the planned export's date (its year is the counting year)
 * @param basis the planned basis
 * @param personClass the class of the file's persons
 * @param rowsRead rows read
 * @param invalidRows rows without a valid identifier
 * @param invalidSamples the first of them, masked
 * @param persons distinct persons in the file
 * @param alreadyRecorded of them, persons already recorded this year under a basis of the same kind (counted or
 * exempt)
 * @param newPersons of them, persons that recording the file would add ({@code persons - alreadyRecorded})
 * @param counted whether the planned basis counts toward the thresholds
 * @param before the counted persons of the class this year so far
 * @param after the counted persons of the class after recording the file
 * @param thresholds headroom to each line of the class after recording
 */
public record WhatIf(String processor, LocalDate date, Basis basis, PersonClass personClass, long rowsRead,
		long invalidRows, List<InvalidRow> invalidSamples, long persons, long alreadyRecorded, long newPersons,
		boolean counted, long before, long after, List<Headroom> thresholds) {
}
