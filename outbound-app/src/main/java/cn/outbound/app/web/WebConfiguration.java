package cn.outbound.app.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Language: Chinese by default, English on {@code ?lang=en}, remembered in a cookie (as petclinic's
 * WebConfiguration does with its interceptor).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final Scopes scopes;

	WebConfiguration(Scopes scopes) {
		this.scopes = scopes;
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("outbound-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
		// #13: the deployment's pages for its administrator only
		registry.addInterceptor(new OperatorOnly(this.scopes));
	}

	/** Adds {@code ui} to every page's model. */
	@ControllerAdvice(basePackages = "cn.outbound.app")
	static class UiAdvice {

		private final MessageSource messages;

		private final LocaleResolver locales;

		private final Scopes scopes;

		UiAdvice(MessageSource messages, LocaleResolver locales, Scopes scopes) {
			this.messages = messages;
			this.locales = locales;
			this.scopes = scopes;
		}

		@ModelAttribute("ui")
		Ui ui(HttpServletRequest request) {
			if (request.getRequestURI().startsWith("/api/")) {
				// the API renders no page: no locale, no CSRF token, no session
				return null;
			}
			Locale locale = this.locales.resolveLocale(request);
			if (!"en".equals(locale.getLanguage())) {
				locale = Locale.SIMPLIFIED_CHINESE;
			}
			else {
				locale = Locale.ENGLISH;
			}
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			String user = null;
			String role = null;
			String org = null;
			if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
				user = auth.getName();
				try {
					org = this.scopes.of(auth).orgId();
				}
				catch (java.sql.SQLException | RuntimeException ex) {
					// the page shows no organisation's links
				}
				for (GrantedAuthority a : auth.getAuthorities()) {
					if (a.getAuthority() != null && a.getAuthority().startsWith("ROLE_")) {
						role = a.getAuthority().substring(5);
					}
				}
			}
			CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			String path = request.getRequestURI();
			String query = request.getQueryString();
			String here = path + ((query != null) ? "?" + query : "");
			return new Ui(new Messages(this.messages, locale), user, role, (csrf != null) ? csrf.getParameterName() : "_csrf",
					(csrf != null) ? csrf.getToken() : "", link(here, "zh"), link(here, "en"), path, org);
		}

		private static String link(String here, String lang) {
			return UriComponentsBuilder.fromUriString(here).replaceQueryParam("lang", lang).build().toUriString();
		}

	}

}
