package cn.outbound.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

import org.apache.hadoop.conf.Configuration;

/** The driver's Hadoop configuration, for executors that open a file themselves (a CSV file's header). */
final class HadoopConf implements Serializable {

	private static final long serialVersionUID = 1L;

	private final byte[] bytes;

	private transient Configuration conf;

	HadoopConf(Configuration conf) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			conf.write(new DataOutputStream(out));
			this.bytes = out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Configuration get() {
		if (this.conf == null) {
			Configuration c = new Configuration(false);
			try {
				c.readFields(new DataInputStream(new ByteArrayInputStream(this.bytes)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.conf = c;
		}
		return this.conf;
	}

}
