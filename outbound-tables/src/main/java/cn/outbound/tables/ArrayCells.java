package cn.outbound.tables;

/** Cells over a string array, for sources that produce strings (workbooks, JDBC). */
final class ArrayCells implements Cells {

	String[] values;

	ArrayCells(int width) {
		this.values = new String[width];
	}

	@Override
	public int size() {
		return this.values.length;
	}

	@Override
	public CharSequence get(int index) {
		String s = this.values[index];
		return (s != null) ? s : "";
	}

	@Override
	public String string(int index) {
		return get(index).toString();
	}

	void clear() {
		java.util.Arrays.fill(this.values, null);
	}

}
