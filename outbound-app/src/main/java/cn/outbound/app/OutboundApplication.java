package cn.outbound.app;

import java.util.HashMap;
import java.util.Map;

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
		Map<String, Object> defaults = new HashMap<>();
		if (port != null) {
			defaults.put("server.port", port);
		}
		app.setDefaultProperties(defaults);
		return app.run(args);
	}

}
