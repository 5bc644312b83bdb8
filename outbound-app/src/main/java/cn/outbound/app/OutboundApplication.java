package cn.outbound.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Outbound server: web UI, REST API, stored assessments, users and audit.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OutboundApplication {

	public static void main(String[] args) {
		start(null, args);
	}

	/**
	 * Starts the server.
	 * @param port the HTTP port, or {@code null} for the configured one (8080)
	 */
	public static ConfigurableApplicationContext start(Integer port, String... args) {
		SpringApplication app = new SpringApplication(OutboundApplication.class);
		List<String> all = new ArrayList<>(Arrays.asList(args));
		if (port != null) {
			// a command-line property: it wins over application.properties
			all.add(0, "--server.port=" + port);
		}
		return app.run(all.toArray(String[]::new));
	}

}
