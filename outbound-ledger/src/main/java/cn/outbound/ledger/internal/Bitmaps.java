package cn.outbound.ledger.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.roaringbitmap.RoaringBitmap;

/**
 * RoaringBitmap to and from the bytes stored in {@code bytea} columns (the portable Roaring format).
 */
public final class Bitmaps {

	private Bitmaps() {
	}

	public static byte[] toBytes(RoaringBitmap bitmap) {
		bitmap.runOptimize();
		ByteBuffer buf = ByteBuffer.allocate(bitmap.serializedSizeInBytes());
		bitmap.serialize(buf);
		return buf.array();
	}

	public static RoaringBitmap fromBytes(byte[] bytes) {
		RoaringBitmap b = new RoaringBitmap();
		if (bytes == null || bytes.length == 0) {
			return b;
		}
		try {
			b.deserialize(new DataInputStream(new ByteArrayInputStream(bytes)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("a stored person set is damaged", ex);
		}
		return b;
	}

}
