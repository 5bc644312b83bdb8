package cn.outbound.app.system;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import cn.outbound.app.web.ShortTermStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The deployment's one scheduled job: every {@link #INTERVAL} it removes expired sessions, short-term entries
 * ({@link ShortTermStore}) and sign-in failures that left the throttle's window. Of the instances on one database only
 * the holder of the {@value #JOB} lease ({@link ClusterLease}) runs it; the lease lasts two intervals and is renewed at
 * each run, so when its holder is lost another instance takes over within two intervals.
 */
final class Housekeeping implements InitializingBean, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	static final String JOB = "housekeeping";

	static final Duration INTERVAL = Duration.ofMinutes(1);

	private final DataSource dataSource;

	private final JdbcIndexedSessionRepository sessions;

	private final SignInThrottle throttle;

	private final ClusterLease lease;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "outbound-housekeeping");
		t.setDaemon(true);
		return t;
	});

	Housekeeping(DataSource dataSource, JdbcIndexedSessionRepository sessions, SignInThrottle throttle) {
		this.dataSource = dataSource;
		this.sessions = sessions;
		this.throttle = throttle;
		this.lease = new ClusterLease(dataSource, instanceName());
	}

	@Override
	public void afterPropertiesSet() {
		this.timer.scheduleWithFixedDelay(this::runIfLeased, INTERVAL.toMillis(), INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Runs the job when this instance holds the lease.
	 * @return whether it ran here
	 */
	boolean runIfLeased() {
		long now = System.currentTimeMillis();
		try {
			if (!this.lease.acquire(JOB, now, now + 2 * INTERVAL.toMillis())) {
				return false;
			}
			this.sessions.cleanUpExpiredSessions();
			int entries = ShortTermStore.purge(this.dataSource, now);
			int failures = this.throttle.purge(now);
			log.debug("Housekeeping: {} short-term entries and {} sign-in failures removed", entries, failures);
			return true;
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Housekeeping did not run: {}", ex.getMessage());
			return false;
		}
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
		try {
			this.lease.release(JOB);
		}
		catch (SQLException ex) {
			log.debug("Could not release the housekeeping lease: {}", ex.getMessage());
		}
	}

	/** The host, the process id and a random part: unique among instances, readable in the lease table. */
	static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		byte[] random = new byte[4];
		new SecureRandom().nextBytes(random);
		String name = host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

}
