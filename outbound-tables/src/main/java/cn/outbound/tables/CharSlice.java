package cn.outbound.tables;

/**
 * A mutable window on a char array: the reader points it at a cell instead of making a string.
 */
public final class CharSlice implements CharSequence {

	char[] array;

	int offset;

	int length;

	public CharSlice() {
		this.array = new char[0];
	}

	public void set(char[] array, int offset, int length) {
		this.array = array;
		this.offset = offset;
		this.length = length;
	}

	/** The backing array; characters {@link #offset()} to {@code offset() + length()}. */
	public char[] array() {
		return this.array;
	}

	public int offset() {
		return this.offset;
	}

	@Override
	public int length() {
		return this.length;
	}

	@Override
	public char charAt(int index) {
		return this.array[this.offset + index];
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return new String(this.array, this.offset + start, end - start);
	}

	@Override
	public String toString() {
		return new String(this.array, this.offset, this.length);
	}

}
