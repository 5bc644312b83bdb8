package cn.outbound.app.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answers so far, the problems found in them, and the draft they belong to; the ticked items the pack in force
 * cannot assess, with their answers carried in hidden fields until the person removes them or switches back; each
 * field with an error under its question's label.
 */
public record FormView(Map<String, String> values, Map<String, List<String>> errors, List<String> general,
		int piGroups, Long draftId, boolean saved, List<String> jurisdictions, List<Integer> dropped,
		Map<String, String> carried, Map<String, String> labels) {

	/** The question's label of a field with an error. */
	public String label(String field) {
		return this.labels.getOrDefault(field, field);
	}

	public String value(String field) {
		String v = this.values.get(field);
		return (v != null) ? v : "";
	}

	public boolean on(String field) {
		String v = this.values.get(field);
		return v != null && !"false".equals(v);
	}

	public boolean is(String field, String expected) {
		return expected.equals(this.values.get(field));
	}

	public List<String> errors(String field) {
		return this.errors.getOrDefault(field, List.of());
	}

	/**
	 * The id of the element that holds a field's errors ({@code err-} and the field), for the field's
	 * {@code aria-describedby}; null (the attribute left out) when the field has none.
	 */
	public String errorId(String field) {
		return errors(field).isEmpty() ? null : "err-" + field;
	}

	/** {@code "true"} for {@code aria-invalid} when the field has an error; null (left out) when not. */
	public String invalid(String field) {
		return errors(field).isEmpty() ? null : "true";
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty() || !this.general.isEmpty();
	}

	/** Whether an item's facts hold an error, so its panel opens. */
	public boolean itemHasError(int item) {
		for (String k : this.errors.keySet()) {
			if (k.equals("item." + item) || k.startsWith("fact." + item + ".")) {
				return true;
			}
		}
		return false;
	}

	public List<Integer> groups() {
		List<Integer> out = new ArrayList<>();
		for (int i = 0; i < this.piGroups; i++) {
			out.add(i);
		}
		return out;
	}

	public int declared() {
		int n = 0;
		for (Map.Entry<String, String> e : this.values.entrySet()) {
			if (e.getKey().matches("item\\.\\d+") && !"false".equals(e.getValue())) {
				n++;
			}
		}
		return n;
	}

}
