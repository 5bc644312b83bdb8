package cn.outbound.scan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.outbound.pii.IdentifierKind;
import cn.outbound.pii.detect.PiType;

/**
 * Which columns key the rows, so that persons are counted once: the columns {@code --id-column} names, or those the
 * values show to hold identifiers (resident ID, then passport, mobile, e-mail; a column of identifiers found only
 * inside free text never keys), ordered so that the column naming the most persons comes first. The header hints
 * weigh in through {@link ColumnProfile#judge}. Made on the first {@value #DECIDE_AFTER} rows, then kept for the
 * whole table; at the end the scan warns when the whole table would have chosen otherwise.
 */
final class ColumnChoice {

	/** Rows looked at before the identifier columns are chosen (they are then replayed). */
	static final int DECIDE_AFTER = 1000;

	private static final PiType[] ID_PRIORITY = { PiType.CN_RESIDENT_ID, PiType.CN_PASSPORT, PiType.CN_MOBILE,
			PiType.EMAIL };

	static final String HOW_GIVEN = "given with --id-column";

	static final String HOW_CHOSEN = "chosen from the values: resident ID, then passport, mobile, e-mail, a column with"
			+ " fewer than half the distinct values of another coming after it; a row is keyed by the first that is valid";

	/** The start of the warning that the whole table would have chosen other columns. */
	static final String WOULD_CHOOSE = "the identifier columns were chosen on the first ";

	/** The choice: the columns in the order they key a row, their kinds, and how they were chosen. */
	record Choice(List<Integer> columns, List<IdentifierKind> kinds, String how) {
	}

	private ColumnChoice() {
	}

	/** Fails, naming the columns, when {@code --id-column} names one the table does not have. */
	static void checkGiven(ScanSettings settings, List<String> names) {
		for (String wanted : settings.idColumns()) {
			if (!names.contains(wanted)) {
				throw new IllegalArgumentException("--id-column '" + wanted + "' is not a column of this table; its columns are "
						+ names.stream().map(ColumnNames::masked).toList());
			}
		}
	}

	/**
	 * Chooses on the columns as the first rows showed them ({@code sofar}), with those rows ({@code rows}, every
	 * column's text) to order the columns by their distinct values; warnings go to {@code warnings}.
	 */
	static Choice choose(ScanSettings settings, ColumnProfile[] sofar, List<String[]> rows, List<String> names,
			List<String> warnings) {
		List<String> wanted = settings.idColumns();
		List<Integer> columns = new ArrayList<>();
		List<IdentifierKind> kinds = new ArrayList<>();
		String how;
		if (!wanted.isEmpty()) {
			for (String name : wanted) {
				for (ColumnProfile p : sofar) {
					if (p.name.equals(name)) {
						columns.add(p.index);
						kinds.add(kindOf(p));
						break;
					}
				}
			}
			how = HOW_GIVEN;
		}
		else {
			for (int c : byDistinctValues(automatic(sofar), rows, names, warnings)) {
				columns.add(c);
				kinds.add(kindOf(sofar[c]));
			}
			how = HOW_CHOSEN;
		}
		return new Choice(List.copyOf(columns), List.copyOf(kinds), how);
	}

	/**
	 * The warning when the whole table ({@code columns}) would have chosen other columns than {@code chosen} (on the
	 * first rows), or null; never with {@code --id-column}.
	 */
	static String wouldChooseOtherwise(ScanSettings settings, ColumnProfile[] columns, List<Integer> chosen) {
		List<Integer> wouldChoose = automatic(columns);
		if (!settings.idColumns().isEmpty() || wouldChoose.equals(chosen)) {
			return null;
		}
		List<String> n = new ArrayList<>();
		for (int c : wouldChoose) {
			n.add(columns[c].name);
		}
		return WOULD_CHOOSE + DECIDE_AFTER + " rows; on the whole table the choice would be " + n
				+ "; rescan with --id-column to fix it";
	}

	/** Per identifier type in priority order, the column with the highest share of it (not only inside free text). */
	static List<Integer> automatic(ColumnProfile[] columns) {
		List<Integer> chosen = new ArrayList<>();
		List<Map<PiType, ColumnProfile.Finding>> judged = new ArrayList<>();
		for (ColumnProfile p : columns) {
			judged.add(p.judge(ColumnWorker.DETECTORS));
		}
		for (PiType type : ID_PRIORITY) {
			int best = -1;
			double bestShare = 0;
			for (ColumnProfile p : columns) {
				ColumnProfile.Finding f = judged.get(p.index).get(type);
				if (f != null && f.share() > bestShare && !"found inside free text".equals(f.basis())) {
					best = p.index;
					bestShare = f.share();
				}
			}
			if (best >= 0 && !chosen.contains(best)) {
				chosen.add(best);
			}
		}
		return chosen;
	}

	/** The identifier kind of a column by the types found in it. */
	static IdentifierKind kindOf(ColumnProfile p) {
		return kindOf(p.judge(ColumnWorker.DETECTORS).keySet());
	}

	/** The identifier kind of a column holding {@code types}: the first of resident ID, passport, mobile, e-mail. */
	static IdentifierKind kindOf(Collection<PiType> types) {
		if (types.contains(PiType.CN_RESIDENT_ID)) {
			return IdentifierKind.RESIDENT_ID;
		}
		if (types.contains(PiType.CN_PASSPORT)) {
			return IdentifierKind.PASSPORT;
		}
		if (types.contains(PiType.CN_MOBILE)) {
			return IdentifierKind.MOBILE;
		}
		if (types.contains(PiType.EMAIL)) {
			return IdentifierKind.EMAIL;
		}
		return IdentifierKind.OPAQUE;
	}

	/**
	 * Orders the chosen identifier columns so that the one naming the most persons in the rows seen so far keys the
	 * rows: a column with fewer than half the distinct values of the richest (the clerk's ID beside the customers'
	 * phones, a constant e-mail address) goes after the others, and the report warns. Warns too when the columns
	 * name few persons for the rows.
	 */
	private static List<Integer> byDistinctValues(List<Integer> chosen, List<String[]> rows, List<String> names,
			List<String> warnings) {
		if (chosen.isEmpty() || rows.isEmpty()) {
			return chosen;
		}
		Map<Integer, Integer> distinct = new HashMap<>();
		int most = 0;
		for (int c : chosen) {
			Set<String> values = new HashSet<>();
			for (String[] row : rows) {
				String v = row[c].strip();
				if (!v.isEmpty()) {
					values.add(v);
				}
			}
			distinct.put(c, values.size());
			most = Math.max(most, values.size());
		}
		List<Integer> strong = new ArrayList<>();
		List<Integer> weak = new ArrayList<>();
		for (int c : chosen) {
			(2L * distinct.get(c) >= most ? strong : weak).add(c);
		}
		int n = rows.size();
		if (!weak.isEmpty()) {
			warnings.add("identifier column(s) " + names(weak, distinct, names) + " hold fewer than half the distinct"
					+ " values of " + names(strong, distinct, names) + " in the first " + n + " rows (staff, or a"
					+ " constant?): rows are keyed by " + ColumnNames.masked(names.get(strong.get(0)))
					+ " first; give --id-column to choose");
		}
		if (n >= 100 && 10L * most < n) {
			warnings.add("the identifier columns name only " + most + " distinct values in the first " + n
					+ " rows: check that they identify the persons the data is about, or give --id-column");
		}
		strong.addAll(weak);
		return strong;
	}

	private static String names(List<Integer> columns, Map<Integer, Integer> distinct, List<String> names) {
		List<String> out = new ArrayList<>();
		for (int c : columns) {
			out.add("'" + ColumnNames.masked(names.get(c)) + "' (" + distinct.get(c) + ")");
		}
		return String.join(", ", out);
	}

}
