package cn.outbound.scan;

import java.time.LocalDate;
import java.util.List;

import cn.outbound.pii.detect.SensitivityStandard;

/**
 * How to scan.
 *
 * @param asOf reference date for ages (minors) and the draft scenario's date
 * @param standard which types count as sensitive
 * @param idColumns identifier columns chosen by the user; empty to pick them from the data
 * @param description what the data is, in the user's words (feeds item suggestions)
 * @param acceptSuggestions put suggested items into the draft scenario's {@code data[]}
 * @param confirmSample values per column checked by the dictionary recognisers (HanLP)
 */
public record ScanSettings(LocalDate asOf, SensitivityStandard standard, List<String> idColumns, String description,
		boolean acceptSuggestions, int confirmSample) {

	public static final int DEFAULT_CONFIRM_SAMPLE = 200;

	public ScanSettings {
		idColumns = List.copyOf(idColumns);
		if (confirmSample < 1) {
			throw new IllegalArgumentException("confirmSample must be positive");
		}
	}

	public static ScanSettings defaults(LocalDate asOf) {
		return new ScanSettings(asOf, SensitivityStandard.defaultStandard(), List.of(), null, false,
				DEFAULT_CONFIRM_SAMPLE);
	}

	public ScanSettings withIdColumns(List<String> columns) {
		return new ScanSettings(this.asOf, this.standard, columns, this.description, this.acceptSuggestions,
				this.confirmSample);
	}

	public ScanSettings withStandard(SensitivityStandard s) {
		return new ScanSettings(this.asOf, s, this.idColumns, this.description, this.acceptSuggestions,
				this.confirmSample);
	}

	public ScanSettings withDescription(String d) {
		return new ScanSettings(this.asOf, this.standard, this.idColumns, d, this.acceptSuggestions, this.confirmSample);
	}

	public ScanSettings withAcceptSuggestions(boolean accept) {
		return new ScanSettings(this.asOf, this.standard, this.idColumns, this.description, accept, this.confirmSample);
	}

}
